import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The projector deployable's entry point: what `presales projector` (and infra/platform-cluster) starts. */
export const PROJECTOR_MAIN = resolve(__dirname, '..', '..', '..', 'apps', 'projector', 'dist', 'main.js');

export interface ProjectorProcess {
  readonly output: () => string;
  /** Resolves when the projector has printed a line matching `pattern` (after `from` characters of output). */
  readonly printed: (pattern: RegExp, timeoutMs: number, from?: number) => Promise<void>;
  /** SIGKILL: no release of the lease, no last checkpoint. */
  readonly kill: () => Promise<void>;
  /** SIGTERM: releases the lease. */
  readonly stop: () => Promise<void>;
}

/** Starts `apps/projector` on the data dir (its SQLite event store) with the environment given. */
export function startProjector(dataDir: string, env: Record<string, string>): ProjectorProcess {
  const child = spawn(process.execPath, [PROJECTOR_MAIN], {
    env: { ...process.env, DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ended = new Promise<void>((done) => child.once('exit', () => done()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await ended;
  };
  return {
    output: () => output,
    printed: async (pattern, timeoutMs, from = 0) => {
      for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((r) => setTimeout(r, 50))) {
        if (pattern.test(output.slice(from))) return;
        if (child.exitCode !== null)
          throw new Error(`projector exited with ${child.exitCode} before printing ${pattern}:\n${output}`);
      }
      throw new Error(`projector did not print ${pattern} within ${timeoutMs} ms:\n${output}`);
    },
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
