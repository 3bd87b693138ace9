import type { HealthResponse } from '@presales/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The `presales` launcher, exactly as `npx presales` runs it. */
export const PRESALES_BIN = resolve(__dirname, '..', '..', '..', 'apps', 'cli', 'bin', 'presales.js');

export interface PlatformProcess {
  readonly url: string;
  readonly dataDir: string;
  readonly output: () => string;
  /** Graceful stop (SIGTERM through the CLI). */
  readonly stop: () => Promise<number | null>;
  /** SIGKILL the platform itself: no shutdown hooks, no flush. */
  readonly kill: () => Promise<void>;
}

export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'presales-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Start `presales start` on a free port and wait for the URL it prints. */
export async function startPlatform(dataDir: string, env: Record<string, string> = {}, startTimeoutMs = 30_000): Promise<PlatformProcess> {
  const child = spawn(process.execPath, [PRESALES_BIN, 'start', '--port', '0', '--data-dir', dataDir], {
    // Tests start from an empty store unless they ask for the demo history (DEMO_DATA=on).
    env: { ...process.env, DEMO_DATA: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const capture = (chunk: Buffer) => (output += chunk.toString());
  child.stdout!.on('data', capture);
  child.stderr!.on('data', capture);
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform did not print its URL within ${startTimeoutMs / 1000} s:\n${output}`)), startTimeoutMs);
    const check = () => {
      const match = /running at (http:\/\/\S+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => output,
    stop: () => stopChild(child, 'SIGTERM'),
    kill: async () => {
      // The CLI forwards signals, but SIGKILL cannot be forwarded: kill the platform (its child) directly.
      const platformPid = await childPidOf(child.pid!);
      if (platformPid !== undefined) process.kill(platformPid, 'SIGKILL');
      await stopChild(child, 'SIGKILL');
    },
  };
}

/** Run `presales <args>` expecting it to exit by itself; resolves with its exit code and output. */
export function runUntilExit(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [PRESALES_BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((done) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    }),
  );
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => {
    child.once('exit', (code) => done(code));
    child.kill(signal);
  });
}

async function childPidOf(parentPid: number): Promise<number | undefined> {
  const { readFileSync } = await import('node:fs');
  try {
    const children = readFileSync(`/proc/${parentPid}/task/${parentPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return children.length > 0 ? Number(children[0]) : undefined;
  } catch {
    return undefined;
  }
}

export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** The event store's head position: a fresh platform already holds its KPI catalog (28 events). */
export async function headPosition(url: string): Promise<number> {
  const health = (await (await fetch(`${url}api/health`)).json()) as { eventStore: { headPosition?: string } };
  return Number(health.eventStore.headPosition ?? 0);
}

/** Polls /api/health until the projector is live with no lag; the health it saw then. */
export async function untilCaughtUp(url: string, timeoutMs = 10_000): Promise<HealthResponse> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    const health = await json<HealthResponse>(await fetch(`${url}api/health`));
    if (health.projector.lagEvents === 0 && health.projector.state === 'live') return health;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('projector did not catch up');
}
