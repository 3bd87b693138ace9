import type { ClusterLayout } from './cluster-config.js';

/**
 * The cluster of infra/clickhouse-cluster/one-host: ZooKeeper and four servers on one machine,
 * each on ports of its own. Its files are this layout written out by `clusterNodeConfig`, the
 * function that configures the test cluster, and a unit test keeps them equal.
 */
export const ONE_HOST_LAYOUT: ClusterLayout = {
  name: 'presales',
  zooKeeper: [{ host: '127.0.0.1', port: 2181 }],
  nodes: [1, 2, 3, 4].map((n) => ({
    name: `ch-${n}`,
    shard: n <= 2 ? '01' : '02',
    host: '127.0.0.1',
    httpPort: 8122 + n,
    tcpPort: 9000 + n,
    interserverHttpPort: 9010 + n,
  })),
};

/** Where each server of the one-host cluster keeps its data. */
export const oneHostDataDir = (name: string) => `/var/lib/clickhouse-${name}`;
