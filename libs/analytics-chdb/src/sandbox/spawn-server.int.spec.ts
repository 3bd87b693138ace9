import { fork, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpawnServer } from './spawn-server.js';

const SERVER_MAIN = join(__dirname, 'spawn-server-main.mjs');

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

/** The parent of a process, from /proc: the fourth field of its stat line, after the command in parentheses. */
function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** The scheduling state of a process: S sleeping, R running, T stopped, Z ended; '-' gone. */
function stateOf(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return '-';
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function canChooseNextPid(): boolean {
  try {
    accessSync('/proc/sys/kernel/ns_last_pid', constants.W_OK);
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the spawn server', () => {
  const spawner = SpawnServer.start();
  afterAll(() => spawner.close());

  it('runs a program to its end and gives its output, or its failure with its stderr', async () => {
    expect(await spawner.run('/bin/echo', ['hello', 'world'])).toEqual({ stdout: 'hello world\n', stderr: '' });
    await expect(spawner.run('/bin/ls', ['/no/such/folder'])).rejects.toThrow(/No such file/);
    await expect(spawner.run('/no/such/program', [])).rejects.toThrow(/ENOENT/);
  });

  it('starts a program as its own child, not the platform’s, and relays its stdin and stdout whole', async () => {
    const program = await spawner.launch({ command: '/bin/cat', args: [], env: { PATH: '/usr/bin:/bin' } });
    const input = Buffer.alloc(8 * 1024 * 1024, 'presales 售前 ');
    const output = collect(program.io);
    program.io.end(input);
    const [echoed, exit] = await Promise.all([output, program.exited]);
    expect(echoed.equals(input)).toBe(true);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(program.pid).toBeGreaterThan(0);

    const sleeper = await spawner.launch({ command: '/bin/sleep', args: ['30'], env: {}, niceness: 19 });
    await expect.poll(() => sleeper.pid).toBeGreaterThan(0);
    const pid = sleeper.pid!;
    expect(parentOf(pid)).not.toBe(process.pid);
    expect(parentOf(parentOf(pid))).toBe(process.pid);
    const niceness = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    expect(niceness).toBe(19);
    sleeper.kill('SIGKILL');
    expect(await sleeper.exited).toMatchObject({ code: null, signal: 'SIGKILL' });
  });

  it('passes only the environment it is given, and reports stderr and the exit code', async () => {
    const program = await spawner.launch({
      command: '/bin/sh',
      args: ['-c', 'env; echo "went wrong" >&2; exit 3'],
      env: { ONLY: 'this' },
    });
    const output = collect(program.io);
    program.io.end();
    const [env, exit] = await Promise.all([output, program.exited]);
    expect(env.toString('utf8')).toContain('ONLY=this');
    expect(env.toString('utf8')).not.toContain('HOME=');
    expect(exit).toMatchObject({ code: 3, stderr: 'went wrong\n' });
  });

  it('kills a program whose reader goes away before its answer is whole', async () => {
    const program = await spawner.launch({ command: '/usr/bin/yes', args: ['an endless answer'], env: {} });
    program.io.end();
    for await (const chunk of program.io) if ((chunk as Buffer).length > 0) break;
    program.io.destroy();
    expect(await program.exited).toMatchObject({ signal: 'SIGKILL' });
  });

  it('keeps its caller running until it has closed, as a script that ends with close() needs', async () => {
    // The built library (a test depends on its project's build): a plain Node process, whose loop
    // ends when nothing holds it, unlike the test runner's.
    const script = `const { SpawnServer } = require(${JSON.stringify(join(__dirname, '..', '..', 'dist', 'sandbox', 'spawn-server.js'))});
      const spawner = SpawnServer.start();
      spawner.run('/bin/echo', ['ran']).then(({ stdout }) => process.stdout.write(stdout)).then(() => spawner.close()).then(() => process.stdout.write('closed'));`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((done) => child.once('exit', done));
    expect(out).toBe('ran\nclosed');
  });

  it('stops a pausable run (a snapshot’s file work) while paused, and finishes it once resumed', async () => {
    const own = SpawnServer.start();
    try {
      own.pause();
      let ran = false;
      const running = own.run('/bin/sh', ['-c', 'sleep 0.2; echo started'], { pausable: true }).then((output) => {
        ran = true;
        return output;
      });
      // Started and stopped at once: it has not answered a while later.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(ran).toBe(false);
      own.resume();
      expect(await running).toEqual({ stdout: 'started\n', stderr: '' });
      // One not asked to be pausable runs through a pause.
      own.pause();
      expect(await own.run('/bin/echo', ['through'])).toEqual({ stdout: 'through\n', stderr: '' });
      own.resume();
    } finally {
      await own.close();
    }
  });

  it('stops pausable programs and all their processes while paused, those started meanwhile too, and only them', async () => {
    const own = SpawnServer.start();
    try {
      // A shell and its own child: the pause reaches the whole group, as it must a worker inside unshare.
      const tree = { command: '/bin/sh', args: ['-c', 'sleep 30 & wait'], env: {}, pausable: true } as const;
      const before = await own.launch(tree);
      const other = await own.launch({ command: '/bin/sleep', args: ['30'], env: {} });
      await expect
        .poll(() => before.pid !== undefined && other.pid !== undefined && childrenOf(before.pid).length > 0)
        .toBe(true);
      own.pause();
      const during = await own.launch(tree);
      // Stopped as it starts, perhaps before it has started its own child: whatever it has is stopped.
      await expect.poll(() => during.pid !== undefined && stateOf(during.pid) === 'T').toBe(true);
      const paused = [before.pid!, ...childrenOf(before.pid!), during.pid!, ...childrenOf(during.pid!)];
      await expect.poll(() => paused.map(stateOf)).toEqual(paused.map(() => 'T'));
      expect(stateOf(other.pid!)).toBe('S');
      own.resume();
      await expect.poll(() => paused.map(stateOf)).toEqual(paused.map(() => 'S'));
      // A stopped program still ends when it is killed.
      own.pause();
      await expect.poll(() => stateOf(during.pid!)).toBe('T');
      during.kill('SIGKILL');
      expect(await during.exited).toMatchObject({ signal: 'SIGKILL' });
      before.kill('SIGKILL');
      other.kill('SIGKILL');
      await Promise.all([before.exited, other.exited]);
    } finally {
      await own.close();
    }
  });

  // Needs to choose the kernel's next process id: root, where /proc/sys/kernel is writable.
  it.runIf(canChooseNextPid())(
    'signals no process group once a pausable program has ended: its id may be another group’s by then',
    async () => {
      const own = SpawnServer.start();
      const strays: number[] = [];
      try {
        // It ends at once, but leaves its output open in a process of another session: the server
        // has seen it end, and still relays, so it is still among the pausable programs.
        const ended = await own.launch({
          command: '/bin/sh',
          args: ['-c', 'setsid sleep 20 & echo $!; exit 0'],
          env: { PATH: '/usr/bin:/bin' },
          pausable: true,
        });
        ended.io.end();
        const holder = await new Promise<number>((resolve) =>
          ended.io.once('data', (line) => resolve(Number(String(line)))),
        );
        strays.push(holder);
        await expect.poll(() => ended.pid !== undefined && stateOf(ended.pid) === '-').toBe(true);
        // Another program is given its id, as the leader of a group of its own (a daemon, a
        // detached program): the kernel's next id is set so that it gets it.
        let decoy: number | undefined;
        for (let attempt = 0; attempt < 50 && decoy === undefined; attempt += 1) {
          writeFileSync('/proc/sys/kernel/ns_last_pid', String(ended.pid! - 1));
          const candidate = spawn('/bin/sleep', ['20'], { detached: true, stdio: 'ignore' });
          strays.push(candidate.pid!);
          if (candidate.pid === ended.pid) decoy = candidate.pid;
          else candidate.kill('SIGKILL');
        }
        expect(decoy).toBeDefined();
        const witness = await own.launch({ command: '/bin/sleep', args: ['20'], env: {}, pausable: true });
        await expect.poll(() => witness.pid !== undefined).toBe(true);
        own.pause();
        await expect.poll(() => stateOf(witness.pid!)).toBe('T');
        expect(stateOf(decoy!)).toBe('S');
        witness.kill('SIGKILL');
        await witness.exited;
      } finally {
        for (const pid of strays) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // Ended already.
          }
        }
        await own.close();
      }
    },
  );

  it('kills a program asked to stop before it has even started', async () => {
    const program = await spawner.launch({ command: '/bin/sleep', args: ['30'], env: {} });
    program.kill('SIGKILL');
    const exit = await program.exited;
    expect(exit.code).toBeNull();
    if (program.pid !== undefined) expect(running(program.pid)).toBe(false);
  });

  it('a pausable program, stopped or not, ends with its server however the server ends: it is in a session of its own', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'spawn-server-test-'));
    const server = fork(SERVER_MAIN, [join(folder, 'socket')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const strays: number[] = [];
    try {
      await new Promise<void>((ready) => server.once('message', () => ready()));
      const started = (id: number) =>
        new Promise<number>((resolve) =>
          server.on('message', (message: { kind: string; id: number; pid: number }) => {
            if (message.kind === 'started' && message.id === id) resolve(message.pid);
          }),
        );
      const launch = async (id: number) => {
        const pid = started(id);
        const socket = connect(join(folder, 'socket'));
        socket.on('error', () => undefined);
        socket.write(`${JSON.stringify({ id, command: '/bin/sleep', args: ['30'], env: {}, pausable: true })}\n`);
        strays.push(await pid);
        return strays.at(-1)!;
      };
      const running = await launch(1);
      server.send({ kind: 'pause' });
      const stopped = await launch(2);
      await expect.poll(() => [stateOf(running), stateOf(stopped)]).toEqual(['T', 'T']);
      server.send({ kind: 'resume' });
      await expect.poll(() => stateOf(running)).toBe('S');
      server.send({ kind: 'pause' });
      await expect.poll(() => stateOf(running)).toBe('T');
      server.send({ kind: 'resume' });
      await expect.poll(() => stateOf(stopped)).toBe('S');
      server.send({ kind: 'pause' });
      await expect.poll(() => stateOf(stopped)).toBe('T');
      // Killed outright (the out-of-memory killer, a supervisor's SIGKILL to the platform's group,
      // which no longer reaches the programs): no disconnect handler runs, no one else kills them.
      server.kill('SIGKILL');
      // Gone, or ended and not yet reaped by whichever process adopted it.
      const ended = (pid: number) => ['-', 'Z'].includes(stateOf(pid));
      await expect.poll(() => [ended(running), ended(stopped)], { timeout: 5_000 }).toEqual([true, true]);
    } finally {
      for (const pid of strays) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Ended already.
        }
      }
      server.kill('SIGKILL');
    }
  });

  it('when the platform goes, kills what it started and removes its socket, even gone before it was ready', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'spawn-server-test-'));
    const server = fork(SERVER_MAIN, [join(folder, 'socket')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((ready) => server.once('message', () => ready()));
    server.send({ kind: 'run', id: 1, command: '/bin/sh', args: ['-c', 'echo $$; exec sleep 30'] });
    // `run` answers at the end; the program's pid is read from its process list meanwhile.
    await expect
      .poll(() => readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8').trim())
      .not.toBe('');
    const child = Number(readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8').trim().split(' ')[0]);
    const exited = new Promise((done) => server.once('exit', done));
    server.disconnect();
    await exited;
    await expect.poll(() => running(child)).toBe(false);
    expect(existsSync(folder)).toBe(false);

    const early = mkdtempSync(join(tmpdir(), 'spawn-server-test-'));
    const gone = fork(SERVER_MAIN, [join(early, 'socket')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const goneExit = new Promise((done) => gone.once('exit', done));
    gone.disconnect();
    await goneExit;
    expect(existsSync(early)).toBe(false);
  });

  it('ends a stopped program when it is closed during a pause', async () => {
    const own = SpawnServer.start();
    own.pause();
    const program = await own.launch({ command: '/bin/sleep', args: ['30'], env: {}, pausable: true });
    await expect.poll(() => program.pid !== undefined && stateOf(program.pid) === 'T').toBe(true);
    await own.close();
    await expect.poll(() => ['-', 'Z'].includes(stateOf(program.pid!))).toBe(true);
  });

  it('keeps a pause across a server that ended: the next server stops what it starts, and hears the resume', async () => {
    const own = SpawnServer.start();
    const sleeper = { command: '/bin/sleep', args: ['30'], env: {}, pausable: true } as const;
    try {
      own.pause();
      const first = await own.launch(sleeper);
      await expect.poll(() => first.pid !== undefined && stateOf(first.pid) === 'T').toBe(true);
      process.kill(parentOf(first.pid!), 'SIGKILL');
      expect((await first.exited).error).toMatch(/spawn server ended/);
      // Until the client has seen the old server's exit a launch may still go to it and fail.
      let next: Awaited<ReturnType<SpawnServer['launch']>> | undefined;
      await expect
        .poll(async () => {
          const candidate = await own.launch(sleeper).catch(() => undefined);
          await expect.poll(() => candidate?.pid !== undefined || candidate === undefined).toBe(true);
          if (candidate?.pid !== undefined && running(candidate.pid)) next = candidate;
          else candidate?.kill('SIGKILL');
          return next !== undefined;
        })
        .toBe(true);
      await expect.poll(() => stateOf(next!.pid!)).toBe('T');
      own.resume();
      await expect.poll(() => stateOf(next!.pid!)).toBe('S');
      next!.kill('SIGKILL');
      await next!.exited;
    } finally {
      await own.close();
    }
  });

  it('starts a new server when its server has ended, and fails what was in flight with a reason', async () => {
    const own = SpawnServer.start();
    try {
      const sleeper = await own.launch({ command: '/bin/sleep', args: ['30'], env: {} });
      await expect.poll(() => sleeper.pid).toBeGreaterThan(0);
      process.kill(parentOf(sleeper.pid!), 'SIGKILL');
      expect((await sleeper.exited).error).toMatch(/spawn server ended/);
      expect(await own.run('/bin/echo', ['again'])).toEqual({ stdout: 'again\n', stderr: '' });
      // Two messages sent at once to a server that has just died fail their requests, never the platform.
      const server = await own.launch({ command: '/bin/sleep', args: ['30'], env: {} });
      await expect.poll(() => server.pid).toBeGreaterThan(0);
      process.kill(parentOf(server.pid!), 'SIGKILL');
      const both = await Promise.allSettled([own.run('/bin/true', []), own.run('/bin/true', [])]);
      expect(
        both.every((outcome) => outcome.status === 'fulfilled' || /spawn server/.test(String(outcome.reason))),
      ).toBe(true);
      // Until its client has seen the server's exit, a request may still go to the dead one and fail
      // with the reason above; then a new server answers.
      await expect
        .poll(() =>
          own.run('/bin/echo', ['still']).then(
            ({ stdout }) => stdout,
            (error: Error) => error.message,
          ),
        )
        .toBe('still\n');
    } finally {
      await own.close();
    }
  });
});
