import {
  clickHouseAvailability,
  freePort,
  startClickHouseServer,
  type RunningClickHouse,
} from '../clickhouse-server.js';
import { skipUnlessAvailable } from '@presales/event-store/testing';
import { clusterNodeConfig, type ClusterLayout, type ClusterNode } from './cluster-config.js';
import { startZooKeeper, zooKeeperSkipReason, type RunningZooKeeper } from './zookeeper-server.js';

export interface RunningClusterNode extends ClusterNode {
  readonly server: RunningClickHouse;
  readonly url: string;
}

export interface RunningClickHouseCluster {
  /** CLICKHOUSE_CLUSTER for the platform. */
  readonly name: string;
  readonly nodes: readonly RunningClusterNode[];
  readonly zooKeeper: RunningZooKeeper;
  /** Every node's HTTP URL with `path` (a database), comma-separated: CLICKHOUSE_URL for the platform. */
  readonly urlList: (path?: string) => string;
  readonly stop: () => Promise<void>;
  /** Every node's and ZooKeeper's state and last output: what a failing cluster test prints. */
  readonly describe: () => string;
}

/**
 * ZooKeeper and `shards` × `replicas` ClickHouse servers on loopback, each with its own ports,
 * data dir and macros, all of one cluster named `name`. The servers start in parallel; each is
 * ready when it answers /ping (replicas register in ZooKeeper when a replicated table is made).
 */
export async function startClickHouseCluster(
  options: { name?: string; shards?: number; replicas?: number } = {},
): Promise<RunningClickHouseCluster> {
  const name = options.name ?? 'presales';
  const zooKeeper = await startZooKeeper();
  const nodes: ClusterNode[] = [];
  for (let shard = 1; shard <= (options.shards ?? 2); shard += 1) {
    for (let replica = 1; replica <= (options.replicas ?? 2); replica += 1) {
      nodes.push({
        name: `ch-${nodes.length + 1}`,
        shard: String(shard).padStart(2, '0'),
        host: '127.0.0.1',
        httpPort: await freePort(),
        tcpPort: await freePort(),
        interserverHttpPort: await freePort(),
      });
    }
  }
  const layout: ClusterLayout = { name, nodes, zooKeeper: [{ host: '127.0.0.1', port: zooKeeper.port }] };
  const started = await Promise.allSettled(
    nodes.map(async (node) => {
      const server = await startClickHouseServer({
        ports: { http: node.httpPort, tcp: node.tcpPort, interserverHttp: node.interserverHttpPort },
        extraConfig: clusterNodeConfig(layout, node),
        readyTimeoutMs: 60_000,
      });
      return { ...node, server, url: server.url };
    }),
  );
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  // ZooKeeper stops whatever the servers' stops did: a Java process left behind would outlive the run.
  const stop = async () => {
    try {
      await Promise.all(running.map((node) => node.server.stop()));
    } finally {
      await zooKeeper.stop();
    }
  };
  const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed !== undefined) {
    await stop();
    throw failed.reason;
  }
  try {
    await Promise.all(running.map((node) => untilZooKeeperAnswers(node)));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    name,
    nodes: running,
    zooKeeper,
    urlList: (path = '') => running.map((node) => `${node.url}${path}`).join(','),
    stop,
    describe: () =>
      [
        ...running.map((node) => `${node.name} (shard ${node.shard}): ${node.server.describe()}`),
        zooKeeper.describe(),
      ].join('\n\n'),
  };
}

/**
 * A node answers /ping before its ZooKeeper session is made: the cluster is handed over once
 * every node reads ZooKeeper, so the first ON CLUSTER query meets no node still connecting.
 */
async function untilZooKeeperAnswers(node: RunningClusterNode, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  let last = '';
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(`${node.url}/`, {
        method: 'POST',
        body: "SELECT count() FROM system.zookeeper WHERE path = '/'",
        signal: AbortSignal.timeout(2000),
      });
      if (response.ok) return;
      last = await response.text();
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${node.name} did not reach ZooKeeper within ${timeoutMs} ms: ${last}\n${node.server.describe()}`);
}

/** Why a cluster suite cannot run here (printed), or undefined; REQUIRE_ENGINES turns a skip into a failure. */
export function clusterSkipReason(suite: string): string | undefined {
  const clickhouse = clickHouseAvailability();
  return (
    skipUnlessAvailable(suite, 'clickhouse', clickhouse.available ? undefined : clickhouse.reason) ??
    zooKeeperSkipReason(suite)
  );
}
