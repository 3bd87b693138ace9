import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServerProcess } from '../../server-process.js';

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
  const server = await startServerProcess(
    [PRESALES_BIN, 'start', '--port', '0', '--data-dir', dataDir],
    /running at (http:\/\/\S+\/)/,
    { ...process.env, DEMO_DATA: 'off' },
  );
  const adminToken = /admin API token: (psl_[A-Za-z0-9_-]+)/.exec(server.output())?.[1];
  const stop = async (): Promise<void> => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  if (adminToken === undefined) {
    await stop();
    throw new Error(`the platform printed no admin token:\n${server.output()}`);
  }
  return { url: server.url, adminToken, stop };
}

/** The framework alone (empty-route-server.ts): the same POST answered by an empty NestJS route. */
export function startEmptyRoute(): Promise<{ readonly url: string; readonly stop: () => Promise<void> }> {
  return startServerProcess([join(__dirname, 'empty-route-server.js')], /empty route at (http:\/\/\S+\/)/);
}
