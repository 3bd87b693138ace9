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
  /** The admin token the first start of this data dir printed (kept for later starts of it). */
  readonly adminToken: string;
  readonly output: () => string;
  /** Graceful stop (SIGTERM through the CLI). */
  readonly stop: () => Promise<number | null>;
  /** SIGKILL the platform itself: no shutdown hooks, no flush. */
  readonly kill: () => Promise<void>;
  /** The platform's own process id (the CLI's child), to watch its memory. */
  readonly platformPid: () => Promise<number | undefined>;
}

export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'presales-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Start `presales start` on a free port and wait for the URL it prints. */
export async function startPlatform(dataDir: string, env: Record<string, string> = {}): Promise<PlatformProcess> {
  const child = spawn(process.execPath, [PRESALES_BIN, 'start', '--port', env['PORT'] ?? '0', '--data-dir', dataDir], {
    // Tests start from an empty store unless they ask for the demo history (DEMO_DATA=on), and
    // log warnings and errors only unless they read the request log (LOG_LEVEL=info).
    env: { ...process.env, DEMO_DATA: 'off', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const capture = (chunk: Buffer) => (output += chunk.toString());
  child.stdout!.on('data', capture);
  child.stderr!.on('data', capture);
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform did not print its URL within 90 s:\n${output}`)), 90_000);
    const check = () => {
      const match = /running at (http:\/\/\S+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        // Matched once: a platform logging every request would otherwise be rescanned whole per chunk.
        child.stdout!.off('data', check);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited with ${code}:\n${output}`));
    });
  });
  const printed = /admin API token: (psl_[A-Za-z0-9_-]+)/.exec(output)?.[1];
  if (printed !== undefined) ADMIN_TOKEN_OF_DATA_DIR.set(dataDir, printed);
  const adminToken = ADMIN_TOKEN_OF_DATA_DIR.get(dataDir);
  if (adminToken === undefined)
    throw new Error(
      `platform on ${dataDir} printed no admin token, and none is known from an earlier start:\n${output}`,
    );
  ADMIN_TOKEN_OF_ORIGIN.set(new URL(url).origin, adminToken);
  return {
    url,
    dataDir,
    adminToken,
    output: () => output,
    stop: () => stopChild(child, 'SIGTERM'),
    platformPid: () => childPidOf(child.pid!),
    kill: async () => {
      // The CLI forwards signals, but SIGKILL cannot be forwarded: kill the platform (its child) directly.
      const platformPid = await childPidOf(child.pid!);
      if (platformPid !== undefined) process.kill(platformPid, 'SIGKILL');
      await stopChild(child, 'SIGKILL');
    },
  };
}

/** Run `presales <args>` expecting it to exit by itself; resolves with its exit code and output. */
export function runUntilExit(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  // A command aimed at a platform these tests started signs in with its admin token, unless the
  // test gives a token of its own; never with a developer's saved credentials.
  const urlAt = args.indexOf('--url');
  const token = urlAt < 0 ? undefined : ADMIN_TOKEN_OF_ORIGIN.get(originOf(args[urlAt + 1] ?? ''));
  const auth = {
    PRESALES_CREDENTIALS: join(tmpdir(), 'presales-e2e-no-credentials.json'),
    ...(token === undefined ? {} : { PRESALES_TOKEN: token }),
  };
  const child = spawn(process.execPath, [PRESALES_BIN, ...args], {
    env: { ...process.env, ...auth, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
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
    const children = readFileSync(`/proc/${parentPid}/task/${parentPid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return children.length > 0 ? Number(children[0]) : undefined;
  } catch {
    return undefined;
  }
}

export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Admin tokens printed at first start, by data dir (a restart prints none) and by the origin serving it. */
const ADMIN_TOKEN_OF_DATA_DIR = new Map<string, string>();
const ADMIN_TOKEN_OF_ORIGIN = new Map<string, string>();

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/**
 * fetch, signed in as the admin of the platform the URL points at (its real API token, over real
 * HTTP), unless the request brings its own Authorization or cookie.
 */
export function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = ADMIN_TOKEN_OF_ORIGIN.get(originOf(url));
  if (token !== undefined && !headers.has('authorization') && !headers.has('cookie'))
    headers.set('authorization', `Bearer ${token}`);
  return fetch(url, { ...init, headers });
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return apiFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const ROLE_TOKENS = new Map<string, string>();

/**
 * An API token of `role` at the platform serving `url`, made once by its admin: a service token
 * that acts as `svc-<id>`, or, with `actingAs`, a personal token of a new account of that name.
 */
export async function tokenFor(url: string, role: string, actingAs?: string): Promise<string> {
  const key = `${originOf(url)}|${role}|${actingAs ?? ''}`;
  let token = ROLE_TOKENS.get(key);
  if (token === undefined) {
    token = actingAs === undefined ? await serviceToken(url, role) : await personalToken(url, role, actingAs);
    ROLE_TOKENS.set(key, token);
  }
  return token;
}

/** The Authorization header of tokenFor. */
export async function bearerFor(url: string, role: string, actingAs?: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor(url, role, actingAs)}` };
}

async function serviceToken(url: string, role: string): Promise<string> {
  const made = await postJson(new URL('/api/tokens', url).href, { name: `e2e ${role}`, role });
  if (made.status !== 201) throw new Error(`could not make a ${role} token: ${made.status} ${await made.text()}`);
  return ((await made.json()) as { token: string }).token;
}

async function personalToken(url: string, role: string, username: string): Promise<string> {
  const password = `e2e-password-${username}`;
  const created = await postJson(new URL('/api/users', url).href, {
    id: username,
    username,
    name: username,
    role,
    password,
  });
  if (created.status !== 201)
    throw new Error(`could not make account ${username}: ${created.status} ${await created.text()}`);
  const id = ((await created.json()) as { id: string }).id;
  const signIn = await fetch(new URL('/api/auth/login', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const session = (await signIn.json()) as { csrfToken: string };
  const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  const made = await fetch(new URL('/api/tokens', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ name: `e2e ${username}` }),
  });
  if (made.status !== 201)
    throw new Error(`could not make a token for ${username} (${id}): ${made.status} ${await made.text()}`);
  return ((await made.json()) as { token: string }).token;
}

/** The event store's head position: a fresh platform already holds its KPI catalog (28 events). */
export async function headPosition(url: string): Promise<number> {
  const health = (await (await apiFetch(`${url}api/health`)).json()) as { eventStore: { headPosition?: string } };
  return Number(health.eventStore.headPosition ?? 0);
}

/** Polls /api/health until the projector is live with no lag; the health it saw then. */
export async function untilCaughtUp(url: string, timeoutMs = 10_000): Promise<HealthResponse> {
  for (const started = Date.now(); Date.now() - started < timeoutMs;) {
    const health = await json<HealthResponse>(await apiFetch(`${url}api/health`));
    if (health.projector.lagEvents === 0 && health.projector.state === 'live') return health;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('projector did not catch up');
}
