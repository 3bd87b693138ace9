import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a program run to its end wrote. */
export interface RunOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** How a launched program ended. */
export interface ProgramExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The first MiB of what it wrote to stderr. */
  readonly stderr: string;
  /** Why it did not start, or why the spawn server could not say how it ended. */
  readonly error?: string;
}

export interface ProgramLaunch {
  readonly command: string;
  readonly args: readonly string[];
  /** Its whole environment: nothing of the platform's is passed on. */
  readonly env: Readonly<Record<string, string>>;
  /** Set right after it starts, before it reads its stdin. */
  readonly niceness?: number;
  /** It waits, stopped, whenever the platform asks (`pause`), until `resume`: an analyst worker. */
  readonly pausable?: boolean;
}

/** A program started by the spawn server, its stdin and stdout relayed through it. */
export interface LaunchedProgram {
  /** Write its stdin here, then end it; its stdout is what this stream reads. */
  readonly io: Socket;
  /** Its process id once it has started (it is the spawn server's child, not the platform's). */
  readonly pid: number | undefined;
  /** Kills it and drops whatever it has not yet relayed. */
  kill(signal: NodeJS.Signals): void;
  /** Settles once it has ended and its stdout has been relayed to the end. */
  readonly exited: Promise<ProgramExit>;
}

type ServerMessage =
  | { kind: 'ready' }
  | { kind: 'ran'; id: number; stdout: string; stderr: string; error?: string; code?: number | null }
  | { kind: 'started'; id: number; pid: number | null }
  | ({ kind: 'exit'; id: number } & ProgramExit);

interface Pending {
  pid?: number;
  /** The program's start time when the server said it started: see killOrphan. */
  startTime?: string;
  ran?(message: Extract<ServerMessage, { kind: 'ran' }>): void;
  started?(pid: number | undefined): void;
  exit?(exit: ProgramExit): void;
}

const SCRIPT = join(__dirname, 'spawn-server-main.mjs');

/** How a request ends when its server went away before answering it. */
const SERVER_ENDED: ProgramExit = { code: null, signal: null, stderr: '', error: 'the spawn server ended' };

/**
 * The platform's side of the spawn server (spawn-server-main.mjs, decision 0046): programs are
 * started by a small process that was itself started once, early, so no start is a fork of the
 * platform. A fork copies the page tables of the forking process and holds its memory map
 * locked meanwhile; the platform holds gigabytes once chDB has warmed up, and every analyst
 * query started four programs (cp, find twice, the worker, then rm), each stalling every engine
 * thread of a manager's scorecard. Should the server end, the next request starts a new one.
 */
export class SpawnServer {
  private server: { process: ChildProcess; folder: string; ready: Promise<void> } | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private paused = false;

  /** Starts the server now, while the platform is small: later starts would fork a large process. */
  static start(): SpawnServer {
    const spawner = new SpawnServer();
    spawner.ensureServer();
    return spawner;
  }

  /**
   * Runs a program to its end, as execFile does; rejects when it fails, with its stderr. A
   * pausable one waits, stopped, while the platform asks (`pause`), as a launched one does.
   */
  async run(command: string, args: readonly string[], options: { pausable?: boolean } = {}): Promise<RunOutput> {
    const server = await this.ready();
    const id = this.nextId++;
    const ran = new Promise<Extract<ServerMessage, { kind: 'ran' }>>((resolve) =>
      this.track(id, {
        ran: resolve,
        // The server ended before it answered.
        exit: (exit) =>
          resolve({ kind: 'ran', id, stdout: '', stderr: exit.stderr, error: exit.error ?? SERVER_ENDED.error }),
      }),
    );
    this.send(server.process, id, { kind: 'run', id, command, args, pausable: options.pausable === true });
    const answer = await ran;
    if (answer.error !== undefined)
      throw new Error(
        `${command} ${args.join(' ')}: ${answer.error}${answer.stderr ? `: ${answer.stderr.trim()}` : ''}`,
      );
    return { stdout: answer.stdout, stderr: answer.stderr };
  }

  /**
   * Starts a program whose stdin and stdout the caller streams (an analyst worker): answers once
   * the relay is connected and the launch sent, so what the caller writes follows it.
   */
  async launch(launch: ProgramLaunch): Promise<LaunchedProgram> {
    const server = await this.ready();
    const id = this.nextId++;
    let pid: number | undefined;
    const exit = new Promise<ProgramExit>((resolve) =>
      this.track(id, {
        started: (started) => {
          pid = started;
        },
        exit: resolve,
      }),
    );
    const io = await new Promise<Socket>((resolve, reject) => {
      const socket = connect(join(server.folder, 'socket'), () => {
        socket.off('error', reject);
        resolve(socket);
      });
      socket.once('error', reject);
    }).catch((error: unknown) => {
      this.settle(id, { code: null, signal: null, stderr: '', error: String(error) });
      throw error;
    });
    io.on('error', () => undefined);
    io.write(`${JSON.stringify({ id, ...launch })}\n`);
    const closed = new Promise<void>((resolve) => io.once('close', () => resolve()));
    return {
      io,
      get pid() {
        return pid;
      },
      // Its output is no longer wanted either: a reader that stopped early would otherwise leave
      // the relay full, and the program's end never told.
      kill: (signal) => {
        this.send(server.process, id, { kind: 'kill', id, signal });
        io.destroy();
      },
      exited: Promise.all([exit, closed]).then(([ended]) => ended),
    };
  }

  /**
   * Stops every pausable program (and each one launched until `resume`) where it is: the
   * platform's own engine is computing and wants the machine's cores and caches to itself.
   */
  pause(): void {
    this.setPaused(true);
  }

  /** Lets the pausable programs run again. */
  resume(): void {
    this.setPaused(false);
  }

  private setPaused(paused: boolean): void {
    if (this.paused === paused) return;
    this.paused = paused;
    const server = this.server;
    // No server yet: the one started next is told once it is ready (ensureServer).
    if (server === undefined || !server.process.connected) return;
    server.process.send({ kind: paused ? 'pause' : 'resume' }, () => undefined);
  }

  /** Ends the server; programs still running are killed with it. */
  async close(): Promise<void> {
    this.closed = true;
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    if (server.process.exitCode === null && server.process.signalCode === null) {
      const ended = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
      // Unreferenced, its exit would not keep the platform running until it is seen.
      server.process.ref();
      if (server.process.connected) server.process.disconnect();
      else server.process.kill('SIGKILL');
      await ended;
    }
    rmSync(server.folder, { recursive: true, force: true });
  }

  private async ready(): Promise<{ process: ChildProcess; folder: string }> {
    const server = this.ensureServer();
    // A request waiting for the server keeps the platform running, as one in flight does (track).
    server.process.channel?.ref();
    try {
      await server.ready;
    } finally {
      if (this.pending.size === 0) server.process.channel?.unref();
    }
    return server;
  }

  /**
   * A message to the server; one that cannot go (the server has just ended) fails its request
   * as the server's end does, instead of an error event that would end the platform.
   */
  private send(server: ChildProcess, id: number, message: object): void {
    const failed = () => this.settle(id, SERVER_ENDED);
    if (!server.connected) return failed();
    server.send(message, (error) => {
      if (error !== null) failed();
    });
  }

  private ensureServer(): { process: ChildProcess; folder: string; ready: Promise<void> } {
    if (this.closed) throw new Error('the spawn server is closed');
    if (this.server !== undefined) return this.server;
    // A folder only the platform's user can enter: nothing else may ask the server to start a program.
    const folder = mkdtempSync(join(tmpdir(), 'presales-spawn-'));
    const child = fork(SCRIPT, [join(folder, 'socket')], {
      env: { PATH: '/usr/bin:/bin' },
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // Its errors (a message that could not go) are told through the requests they fail.
    child.on('error', () => undefined);
    const ready = new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) =>
        reject(new Error(`the spawn server ended (${signal ?? code}) before it was ready`)),
      );
      child.on('message', (message: ServerMessage) => {
        if (message.kind === 'ready') {
          if (this.paused) child.send({ kind: 'pause' }, () => undefined);
          resolve();
        } else this.receive(message);
      });
    });
    ready.catch(() => undefined);
    child.on('exit', () => {
      if (this.server?.process === child) {
        this.server = undefined;
        rmSync(folder, { recursive: true, force: true });
      }
      for (const [id, pending] of [...this.pending]) {
        // Its programs outlive it (only a worker in namespaces dies with its parent): none may run unwatched.
        if (pending.pid !== undefined) killOrphan(pending.pid, pending.startTime);
        this.settle(id, SERVER_ENDED);
      }
    });
    // The server never keeps the platform alive by itself; a request in flight does (track).
    child.unref();
    child.channel?.unref();
    this.server = { process: child, folder, ready };
    return this.server;
  }

  private track(id: number, pending: Pending): void {
    this.pending.set(id, pending);
    this.server?.process.channel?.ref();
  }

  private settle(id: number, exit: ProgramExit): void {
    this.forget(id)?.exit?.(exit);
  }

  /** Stops tracking a request; with none left in flight, the server no longer keeps the platform running. */
  private forget(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) this.server?.process.channel?.unref();
    return pending;
  }

  private receive(message: ServerMessage): void {
    if (message.kind === 'ready') return;
    const pending = this.pending.get(message.id);
    if (pending === undefined) return;
    if (message.kind === 'started') {
      pending.pid = message.pid ?? undefined;
      if (pending.pid !== undefined) pending.startTime = startTimeOf(pending.pid);
      pending.started?.(pending.pid);
    } else if (message.kind === 'ran') {
      this.forget(message.id);
      pending.ran?.(message);
    } else {
      const { kind: _kind, id, ...exit } = message;
      this.settle(id, exit);
    }
  }
}

/** When a process started, in clock ticks since boot (/proc/<pid>/stat, field 22): with its pid, its identity. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * Kills a program its ended server started, if it is still that program: a pid whose process has
 * ended may have been given to another process, which must not be killed.
 */
function killOrphan(pid: number, startTime: string | undefined): void {
  if (startTime === undefined || startTimeOf(pid) !== startTime) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}
