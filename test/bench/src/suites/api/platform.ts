import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The `presales` launcher, as `npx presales` runs it (built: `npm run build`). */
const PRESALES_BIN = resolve(__dirname, '..', '..', '..', '..', '..', 'apps', 'cli', 'bin', 'presales.js');

export interface BenchPlatform {
  readonly url: string;
  readonly adminToken: string;
  readonly stop: () => Promise<void>;
}

/**
 * The platform as users run it, in a process of its own on a fresh data folder, with the load
 * generated from this one: the figures include HTTP, sign-in, validation and the append.
 */
export async function startBenchPlatform(): Promise<BenchPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'presales-bench-api-'));
  const child = spawn(process.execPath, [PRESALES_BIN, 'start', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, DEMO_DATA: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the platform printed no URL within 120 s:\n${output}`)), 120_000);
    child.stdout.on('data', () => {
      const match = /running at (http:\/\/\S+\/)/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        done(match[1]!);
      }
    });
    child.on('exit', (code) => fail(new Error(`the platform exited with ${code}:\n${output}`)));
  });
  const adminToken = /admin API token: (psl_[A-Za-z0-9_-]+)/.exec(output)?.[1];
  if (adminToken === undefined) throw new Error(`the platform printed no admin token:\n${output}`);
  return {
    url,
    adminToken,
    stop: async () => {
      if (child.exitCode === null) await new Promise<void>((done) => child.once('exit', () => done()).kill('SIGTERM'));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
