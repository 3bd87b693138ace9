import { skipUnlessAvailable } from '@presales/event-store/testing';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../clickhouse-server.js';

export interface RunningZooKeeper {
  readonly port: number;
  readonly stop: () => Promise<void>;
  /** Running or how it ended, and the last of its output, for a test's failure message. */
  readonly describe: () => string;
}

/** Debian's `zookeeper` package puts its jar here and its dependencies on the jar's Class-Path. */
const ZOOKEEPER_JAR = process.env['ZOOKEEPER_JAR'] ?? '/usr/share/java/zookeeper.jar';

/** Java and the ZooKeeper jar, or why not (`.ci/run` installs Debian's zookeeper, which brings Java). */
export function zooKeeperMissing(): string | undefined {
  if (spawnSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' }).status !== 0)
    return 'java is not installed (apt-get install zookeeper brings it)';
  if (!existsSync(ZOOKEEPER_JAR)) return `${ZOOKEEPER_JAR} is missing (apt-get install zookeeper; .ci/run does this)`;
  return undefined;
}

/**
 * For test files: the reason to skip suite `suite` when ZooKeeper cannot run here (printed), or
 * undefined. Where REQUIRE_ENGINES names zookeeper (CI), a missing one fails the suite instead.
 */
export function zooKeeperSkipReason(suite: string): string | undefined {
  return skipUnlessAvailable(suite, 'zookeeper', zooKeeperMissing());
}

/**
 * One standalone ZooKeeper on a free loopback port with its own temp data dir; its admin HTTP
 * server is off (it would take port 8080). Enough for ClickHouse 18.16's replication and
 * ON CLUSTER queries; a production cluster runs three (infra/clickhouse-cluster).
 */
export async function startZooKeeper(options: { readyTimeoutMs?: number } = {}): Promise<RunningZooKeeper> {
  const missing = zooKeeperMissing();
  if (missing !== undefined) throw new Error(missing);
  const root = mkdtempSync(join(tmpdir(), 'presales-zookeeper-'));
  const port = await freePort();
  mkdirSync(join(root, 'data'));
  const config = join(root, 'zoo.cfg');
  writeFileSync(
    config,
    [
      'tickTime=500',
      `dataDir=${join(root, 'data')}`,
      `clientPort=${port}`,
      'clientPortAddress=127.0.0.1',
      'admin.enableServer=false',
      'maxClientCnxns=0',
      // Sessions of a killed ClickHouse expire within seconds, not the default 40 s.
      'minSessionTimeout=2000',
      'maxSessionTimeout=10000',
      '4lw.commands.whitelist=srvr',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    'java',
    [
      '-Xmx256m',
      '-cp',
      ZOOKEEPER_JAR,
      `-Dzookeeper.log.dir=${root}`,
      'org.apache.zookeeper.server.ZooKeeperServerMain',
      config,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  };
  const started = Date.now();
  const timeout = options.readyTimeoutMs ?? 30_000;
  while (!(await servesClients(port))) {
    if (child.exitCode !== null || Date.now() - started > timeout) {
      await stop();
      throw new Error(`ZooKeeper did not start on 127.0.0.1:${port}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const describe = () => {
    const state =
      child.exitCode === null && child.signalCode === null
        ? `running (pid ${child.pid})`
        : `ended (code ${child.exitCode}, signal ${child.signalCode})`;
    return `ZooKeeper on 127.0.0.1:${port}: ${state}; its last output:\n${output}`;
  };
  return { port, stop, describe };
}

/**
 * ZooKeeper's four-letter `srvr`: its state once it serves clients ("Mode: standalone"), "not
 * currently serving requests" before. `ruok` answers `imok` as soon as the port is bound, while
 * the server may still close a client's handshake: a ClickHouse 18.16 node connecting then gave up
 * on ZooKeeper and crashed (SIGSEGV in zkutil::ZooKeeper::createImpl). False from anything else
 * within a second.
 */
function servesClients(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.end('srvr'));
    socket.setTimeout(1000, () => socket.destroy());
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(/^Mode: /m.test(answer)));
    socket.on('error', () => resolve(false));
  });
}
