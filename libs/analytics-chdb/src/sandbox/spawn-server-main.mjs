// Starts the programs analyst queries need (the worker, the snapshot's cp, find and rm) for the
// platform (decision 0046). The platform starts this file once, while it is small; every later
// start is then a fork of this small process. A fork of the platform itself copies the page
// tables of its gigabytes and holds its memory map locked meanwhile, which stalled every engine
// thread of a manager's scorecard for tens to hundreds of milliseconds per start (issue 16).
// Plain JavaScript, so the same file runs from the sources (tests) and from dist.
//
// Control messages go over the IPC channel: `run` (a program run to its end, its output
// collected), `kill`, `pause` and `resume` (the pausable programs, while the platform's own
// engine computes: decision 0046), and back `ready`, `ran`, `started`, `exit`. A launched program's stdin and
// stdout are relayed over a connection to this process's Unix socket: the connection's first line
// is the launch, as JSON; what follows is the program's stdin, and what comes back its stdout.
import { execFile, spawn } from 'node:child_process';
import { accessSync, constants, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { setPriority } from 'node:os';
import { dirname } from 'node:path';

/** @typedef {{ id: number, command: string, args: string[], env: Record<string, string>, niceness?: number, pausable?: boolean }} Launch */

const socketPath = process.argv[2];
/** What a `run` may write; more is an error, as execFile's maxBuffer makes it. */
const RUN_OUTPUT_BYTES = 16 * 1024 * 1024;
/** What is kept of a launched program's stderr: its error message, not a flood. */
const STDERR_BYTES = 1024 * 1024;

/** @type {Map<number, import('node:child_process').ChildProcess>} */
const launched = new Map();
/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();
/**
 * Kills that arrived before their launch's connection, by id, with when they arrived. A kill of
 * a program that has ended lands here too (the platform stops a worker whatever its state), so
 * they are forgotten after a minute: a launch's connection follows its kill within milliseconds.
 */
const killedEarly = new Map();
const KILLS_KEPT_MS = 60_000;
/**
 * Launched programs that wait while the platform's engine computes. Each is the leader of a
 * process group of its own, so a signal to the group reaches every process of it: a worker in
 * namespaces is unshare's child, which a signal to unshare alone would miss.
 * @type {Set<import('node:child_process').ChildProcess>}
 */
const pausable = new Set();
let paused = false;
/**
 * What a pausable program is started under so that it ends with this server however the server
 * ends: in a session of its own, no signal to the platform's process group reaches it any more
 * (a supervisor's SIGKILL, a terminal's interrupt), and stopped, it would wait for ever. setpriv
 * sets the kernel's parent-death signal and runs the program in its place (same pid). Without
 * setpriv, the platform's kill of what its ended server started (spawn-server.ts) is all.
 */
const SETPRIV = '/usr/bin/setpriv';
const endsWithServer = canRun(SETPRIV) ? [SETPRIV, '--pdeathsig=KILL', '--'] : undefined;

/**
 * A signal to a pausable program's whole group; to the program alone otherwise. Once the
 * program has ended (its exit seen: the kernel has let its id go) while its output is still
 * being relayed, none: its group may be gone and its id another group's, a process the platform
 * never started. A worker leaves nothing behind in its group (unshare's --kill-child, the end
 * of its PID namespace), so there is nothing of it left to stop or kill.
 */
const signal = (child, name) => {
  try {
    const ended = child.exitCode !== null || child.signalCode !== null;
    if (pausable.has(child) && child.pid !== undefined) {
      if (!ended) signalGroup(child.pid, name);
    } else child.kill(name);
  } catch {
    // Ended already: its exit is on its way.
  }
};

/**
 * Right after its start a program may not yet lead its group (it calls setsid before it runs the
 * program, and spawn returns before that): then the signal goes to the program itself, which has
 * no process of its own yet for the group to hold.
 */
const signalGroup = (pid, name) => {
  try {
    process.kill(-pid, name);
  } catch (error) {
    if (error?.code !== 'ESRCH') throw error;
    process.kill(pid, name);
  }
};

// A send racing the platform's exit fails; the disconnect handler below is what follows.
const send = (message) => {
  if (process.connected) process.send(message, undefined, undefined, () => undefined);
};
process.on('error', () => undefined);

process.on('message', (message) => {
  if (message.kind === 'run') {
    // A pausable run (the snapshot's file work) waits like a worker: its kernel work, tens of
    // thousands of links made, owned or removed, slowed a manager's scorecard as much as a
    // worker's query did.
    const pausableRun = message.pausable === true;
    const [command, ...args] =
      pausableRun && endsWithServer !== undefined
        ? [...endsWithServer, message.command, ...message.args]
        : [message.command, ...message.args];
    const child = execFile(
      command,
      args,
      { maxBuffer: RUN_OUTPUT_BYTES, detached: pausableRun },
      (error, stdout, stderr) => {
        running.delete(child);
        pausable.delete(child);
        send({
          kind: 'ran',
          id: message.id,
          stdout,
          stderr,
          ...(error ? { error: error.message, code: typeof error.code === 'number' ? error.code : null } : {}),
        });
      },
    );
    running.add(child);
    if (pausableRun && child.pid !== undefined) {
      pausable.add(child);
      if (paused) signal(child, 'SIGSTOP');
    }
  } else if (message.kind === 'pause' || message.kind === 'resume') {
    paused = message.kind === 'pause';
    for (const child of pausable) signal(child, paused ? 'SIGSTOP' : 'SIGCONT');
  } else if (message.kind === 'kill') {
    const child = launched.get(message.id);
    if (child !== undefined) signal(child, message.signal);
    else {
      const now = Date.now();
      for (const [id, { at }] of killedEarly) if (now - at > KILLS_KEPT_MS) killedEarly.delete(id);
      killedEarly.set(message.id, { signal: message.signal, at: now });
    }
  }
});

// The platform is gone: nothing it started may outlive it, nor the folder of its socket.
const platformGone = () => {
  for (const child of [...launched.values(), ...running]) signal(child, 'SIGKILL');
  rmSync(dirname(socketPath), { recursive: true, force: true });
  process.exit(0);
};
process.on('disconnect', platformGone);
// This module loads asynchronously: the platform may have gone before the handler was there.
if (!process.connected) platformGone();

// allowHalfOpen: the platform ends its side once the program's stdin is written, and still reads
// the program's stdout from this side.
const server = createServer({ allowHalfOpen: true }, (socket) => {
  let head = Buffer.alloc(0);
  const readHead = (chunk) => {
    head = Buffer.concat([head, chunk]);
    const newline = head.indexOf(10);
    if (newline === -1) return;
    socket.off('data', readHead);
    socket.pause();
    /** @type {Launch} */
    const launch = JSON.parse(head.subarray(0, newline).toString('utf8'));
    start(launch, socket, head.subarray(newline + 1));
  };
  socket.on('data', readHead);
  socket.on('error', () => undefined);
});
server.listen(socketPath, () => send({ kind: 'ready' }));

/**
 * @param {Launch} launch
 * @param {import('node:net').Socket} socket
 * @param {Buffer} stdinStart
 */
function start(launch, socket, stdinStart) {
  const [command, args] =
    launch.pausable === true && endsWithServer !== undefined
      ? [endsWithServer[0], [...endsWithServer.slice(1), launch.command, ...launch.args]]
      : [launch.command, launch.args];
  const child = spawn(command, args, {
    env: launch.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    // A process group of its own (see `pausable`).
    detached: launch.pausable === true,
  });
  const stderr = [];
  let stderrBytes = 0;
  let spawnError;
  let reported = false;
  const report = (code, signal) => {
    if (reported) return;
    reported = true;
    launched.delete(launch.id);
    pausable.delete(child);
    send({
      kind: 'exit',
      id: launch.id,
      code,
      signal,
      stderr: Buffer.concat(stderr).toString('utf8'),
      ...(spawnError === undefined ? {} : { error: spawnError }),
    });
  };
  child.on('error', (error) => {
    spawnError = error.message;
    // Never started: there is no exit to wait for.
    if (child.pid === undefined) {
      socket.destroy();
      report(null, null);
    }
  });
  if (child.pid !== undefined && launch.niceness !== undefined) {
    try {
      setPriority(child.pid, launch.niceness);
    } catch {
      // Gone already: its exit says why.
    }
  }
  launched.set(launch.id, child);
  if (launch.pausable === true && child.pid !== undefined) {
    pausable.add(child);
    // Started while the platform computes: it waits too (its start is the heaviest part of a query).
    if (paused) signal(child, 'SIGSTOP');
  }
  const early = killedEarly.get(launch.id);
  if (early !== undefined) {
    killedEarly.delete(launch.id);
    signal(child, early.signal);
  }
  send({ kind: 'started', id: launch.id, pid: child.pid ?? null });
  child.stderr.on('data', (chunk) => {
    if (stderrBytes < STDERR_BYTES) stderr.push(chunk);
    stderrBytes += chunk.length;
  });
  child.stdin.on('error', () => undefined);
  let answered = false;
  child.stdout.on('end', () => {
    answered = true;
  });
  if (stdinStart.length > 0) child.stdin.write(stdinStart);
  socket.pipe(child.stdin);
  child.stdout.pipe(socket);
  socket.resume();
  // The platform went away before the answer was whole (its reader closed): no one to answer.
  socket.on('close', () => {
    if (!answered && child.exitCode === null && child.signalCode === null) signal(child, 'SIGKILL');
  });
  // How it ended is told once its whole stdout has gone into the socket: a server that died in
  // between must leave the platform with an unfinished answer, never a clean end.
  const relayed = new Promise((resolve) => {
    socket.once('finish', resolve);
    socket.once('close', resolve);
  });
  child.on('close', (code, signal) => void relayed.then(() => report(code, signal)));
}

/** @param {string} path */
function canRun(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
