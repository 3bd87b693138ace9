import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServerProcess } from '../../server-process.js';

const PRESALES_BIN = resolve(__dirname, '..', '..', '..', '..', '..', 'apps', 'cli', 'bin', 'presales.js');

/** The platform as `npx presales start` runs it, on a free port, signed in with the admin token it printed. */
export interface RunningPlatform {
  readonly url: string;
  readonly output: () => string;
  /**
   * GET with the admin's token; the body parsed, and how long the answer took (ms). With an ETag,
   * asked as a browser's HTTP cache revalidates (If-None-Match): 304 and no body when it holds.
   */
  get(path: string, ifNoneMatch?: string): Promise<{ ms: number; body: unknown; etag: string | null; status: number }>;
  /** The platform process's peak resident memory so far (VmHWM), in MiB. */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

/** Node's fetch honours `cache`, which the RequestInit type it is declared with leaves out. */
const REVALIDATE = { cache: 'no-cache' } as RequestInit;

export async function startPlatform(
  dataDir: string,
  env: Record<string, string>,
  adminToken?: string,
): Promise<RunningPlatform & { readonly adminToken: string }> {
  if (!existsSync(resolve(PRESALES_BIN, '..', '..', 'dist', 'main.js')))
    throw new Error('bench answers: the CLI is not built; run `npm run build` first');
  const server = await startServerProcess(
    [PRESALES_BIN, 'start', '--port', '0', '--data-dir', dataDir],
    /running at (http:\/\/\S+\/)/,
    { ...process.env, ...env },
    300,
  );
  const { url, child, output } = server;
  const token = /admin API token: (psl_[A-Za-z0-9_-]+)/.exec(output())?.[1] ?? adminToken;
  if (token === undefined) {
    await server.stop();
    throw new Error(`platform printed no admin token:\n${output()}`);
  }
  const headers = { authorization: `Bearer ${token}` };
  return {
    url,
    adminToken: token,
    output,
    async get(path: string, ifNoneMatch?: string) {
      const started = process.hrtime.bigint();
      // cache: 'no-cache' as a browser revalidates: fetch would otherwise add Cache-Control: no-cache
      // to a request with If-None-Match, which Express never answers with 304.
      const response = await fetch(`${url}${path}`, {
        ...REVALIDATE,
        headers: ifNoneMatch === undefined ? headers : { ...headers, 'if-none-match': ifNoneMatch },
      });
      const body = response.status === 304 ? undefined : ((await response.json()) as unknown);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (response.status !== 200 && !(response.status === 304 && ifNoneMatch !== undefined))
        throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
      return { ms, body, etag: response.headers.get('etag'), status: response.status };
    },
    peakRssMiB: () => peakRssMiB(platformPid(child)),
    stop: server.stop,
  };
}

/** The CLI runs the platform as its child; its pid, or the CLI's own if it has none. */
function platformPid(cli: ChildProcess): number {
  try {
    const children = readFileSync(`/proc/${cli.pid}/task/${cli.pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return children.length > 0 ? Number(children[0]) : cli.pid!;
  } catch {
    return cli.pid!;
  }
}

function peakRssMiB(pid: number): number {
  const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kib === undefined ? Number.NaN : Number(kib) / 1024;
}

/** Until the projector is live with nothing left to project and the warm-up has answered the first view. */
export async function untilWarm(platform: RunningPlatform, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (/\[warm-up\] the first view/.test(platform.output())) return;
    if (/\[warm-up\] not done/.test(platform.output())) throw new Error(`the warm-up failed:\n${platform.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the warm-up did not finish within ${timeoutMs / 1000} s`);
}

/**
 * Until the KPI values kept per period are current through the projector's checkpoint (decision
 * 0054; GET /api/health); the platform's own account of its first fill, when it logged one.
 */
export async function untilKeptValuesCurrent(
  platform: RunningPlatform,
  timeoutMs = 600_000,
): Promise<{ computed: number; ms: number } | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { body } = await platform.get('api/health');
    const health = body as {
      projector: { checkpoint: string; lagEvents: number };
      keptKpiValues?: { state: string; through: string | null; lastError: string | null };
    };
    const kept = health.keptKpiValues;
    if (kept?.state === 'behind' && kept.lastError !== null) throw new Error(`kept KPI values: ${kept.lastError}`);
    if (kept?.state === 'current' && kept.through === health.projector.checkpoint && health.projector.lagEvents === 0) {
      const filled = /\[kept KPI values\] (\d+) KPI-periods computed in (\d+) ms/.exec(platform.output());
      return filled === null ? undefined : { computed: Number(filled[1]), ms: Number(filled[2]) };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the kept KPI values were not current within ${timeoutMs / 1000} s`);
}
