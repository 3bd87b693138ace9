import { spawn, type ChildProcess } from 'node:child_process';

/** What a started server keeps of its output for error messages: its last lines, not every request's log. */
const KEPT_OUTPUT_CHARS = 64 * 1024;

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** What the process printed until it announced its URL, then its last output. */
  readonly output: () => string;
  readonly stop: () => Promise<void>;
}

/**
 * Starts a server in a process of its own and resolves once it prints the URL `announced` matches.
 * Its output is read and dropped as it comes after that, keeping a bounded tail: a platform under
 * load logs every request, and matching or keeping all of it slowed this process (the load's
 * client) more with every request, which read as the platform slowing down.
 */
export async function startServerProcess(
  args: readonly string[],
  announced: RegExp,
  env: NodeJS.ProcessEnv = process.env,
  startSeconds = 120,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output += chunk.toString();
    if (output.length > 2 * KEPT_OUTPUT_CHARS) output = output.slice(-KEPT_OUTPUT_CHARS);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`${args.join(' ')} printed no URL within ${startSeconds} s:\n${output}`)),
      startSeconds * 1000,
    );
    const look = (): void => {
      const match = announced.exec(output);
      if (match === null) return;
      clearTimeout(timer);
      child.stdout.off('data', look);
      done(match[1]!);
    };
    child.stdout.on('data', look);
    child.on('exit', (code) => {
      // Or the time limit would hold the bench open for minutes after the failure it reports.
      clearTimeout(timer);
      fail(new Error(`${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
  return { url, child, output: () => output, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((done) => child.once('exit', () => done()).kill('SIGTERM'));
}
