import { skipUnlessAvailable } from '@presales/event-store/testing';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface RunningClickHouse {
  /** HTTP endpoint of the read-write `default` user. */
  readonly url: string;
  readonly httpPort: number;
  readonly tcpPort: number;
  readonly dataDir: string;
  /** Stop the server process (SIGTERM, then SIGKILL) without deleting data: a restart finds it again. */
  readonly pause: () => Promise<void>;
  /** SIGKILL the server, as a crash would; `resume` starts it again on the same data. */
  readonly kill: () => Promise<void>;
  /** Start it again on the same ports and data directory. */
  readonly resume: () => Promise<void>;
  /** Stop and delete the temp data directory. */
  readonly stop: () => Promise<void>;
  /**
   * How the process stands, for a test's failure message: running, or how it ended, and the last
   * few thousand characters it printed (warnings and errors: infra/clickhouse's logger level).
   */
  readonly describe: () => string;
}

/** What a cluster node adds to the single server: its own ports chosen beforehand and a config.d file. */
export interface ClickHouseServerOptions {
  readonly readyTimeoutMs?: number;
  /** Ports picked by the caller (a cluster names every node's ports in every node's config). */
  readonly ports?: { readonly http: number; readonly tcp: number; readonly interserverHttp?: number };
  /** XML merged over infra/clickhouse/config.xml (written to config.d/ of a private copy). */
  readonly extraConfig?: string;
}

export type ClickHouseAvailability =
  { readonly available: true; readonly binary: string } | { readonly available: false; readonly reason: string };

const BINARY = process.env['CLICKHOUSE_SERVER_BIN'] ?? 'clickhouse-server';

/** Whether a ClickHouse server binary is installed here (`.ci/run` installs Debian's 18.16). */
export function clickHouseAvailability(): ClickHouseAvailability {
  const probe = spawnSync('sh', ['-c', `command -v ${BINARY}`], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim() !== '') return { available: true, binary: probe.stdout.trim() };
  return {
    available: false,
    reason: `${BINARY} is not installed (apt-get install clickhouse-server; .ci/run does this)`,
  };
}

/** The repository's infra/clickhouse folder, found by walking up from this file. */
function configDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'infra', 'clickhouse', 'config.xml');
    if (existsSync(candidate)) return dirname(candidate);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('infra/clickhouse/config.xml not found above ' + __dirname);
    dir = parent;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Start a private ClickHouse server on free loopback ports with its own temp data folder. */
export async function startClickHouseServer(options: ClickHouseServerOptions = {}): Promise<RunningClickHouse> {
  const availability = clickHouseAvailability();
  if (!availability.available) throw new Error(availability.reason);
  const root = mkdtempSync(join(tmpdir(), 'presales-clickhouse-'));
  const dataDir = join(root, 'data') + '/';
  const [httpPort, tcpPort] =
    options.ports === undefined ? [await freePort(), await freePort()] : [options.ports.http, options.ports.tcp];
  const interserver =
    options.ports?.interserverHttp === undefined
      ? []
      : [`--interserver_http_port=${options.ports.interserverHttp}`, '--interserver_http_host=127.0.0.1'];
  const url = `http://127.0.0.1:${httpPort}`;
  const config =
    options.extraConfig === undefined ? resolve(configDir(), 'config.xml') : privateConfig(root, options.extraConfig);
  let child: ChildProcess | undefined;
  let output = '';

  const launch = async () => {
    output = '';
    child = spawn(
      availability.binary,
      [
        `--config-file=${config}`,
        '--',
        `--http_port=${httpPort}`,
        `--tcp_port=${tcpPort}`,
        `--path=${dataDir}`,
        `--tmp_path=${join(root, 'tmp')}/`,
        `--user_files_path=${join(root, 'user_files')}/`,
        `--format_schema_path=${join(root, 'format_schemas')}/`,
        ...interserver,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    await waitUntilReady(
      url,
      options.readyTimeoutMs ?? 30_000,
      () => child?.exitCode ?? null,
      () => output,
    );
  };

  const halt = async () => {
    const running = child;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((done) => running.once('exit', () => done()));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const kill = async () => {
    const running = child;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((done) => running.once('exit', () => done()));
    running.kill('SIGKILL');
    await exited;
  };

  await launch();
  return {
    url,
    httpPort,
    tcpPort,
    dataDir,
    pause: halt,
    kill,
    resume: launch,
    stop: async () => {
      await halt();
      rmSync(root, { recursive: true, force: true });
    },
    describe: () => {
      const state =
        child === undefined
          ? 'not started'
          : child.exitCode === null && child.signalCode === null
            ? `running (pid ${child.pid})`
            : `ended (code ${child.exitCode}, signal ${child.signalCode})`;
      return `clickhouse-server on ${url}: ${state}; its last output:\n${output}`;
    },
  };
}

/** A copy of infra/clickhouse's config and users beside a config.d/ holding `extraConfig`. */
function privateConfig(root: string, extraConfig: string): string {
  const dir = join(root, 'config');
  mkdirSync(join(dir, 'config.d'), { recursive: true });
  for (const file of ['config.xml', 'users.xml']) copyFileSync(join(configDir(), file), join(dir, file));
  writeFileSync(join(dir, 'config.d', 'node.xml'), extraConfig);
  return join(dir, 'config.xml');
}

async function waitUntilReady(
  url: string,
  timeoutMs: number,
  exitCode: () => number | null,
  output: () => string,
): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (exitCode() !== null) throw new Error(`clickhouse-server exited with ${exitCode()}:\n${output()}`);
    try {
      const response = await fetch(`${url}/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`clickhouse-server not ready on ${url} within ${timeoutMs} ms:\n${output()}`);
}

/**
 * For test files: the reason to skip the ClickHouse-server suite `suite` on this machine (printed),
 * or undefined when the server can run. Where REQUIRE_ENGINES names clickhouse (CI), a missing
 * server fails the suite instead.
 */
export function clickHouseSkipReason(suite: string): string | undefined {
  const availability = clickHouseAvailability();
  return skipUnlessAvailable(suite, 'clickhouse', availability.available ? undefined : availability.reason);
}
