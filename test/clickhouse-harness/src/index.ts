export {
  startClickHouseServer,
  clickHouseAvailability,
  clickHouseSkipReason,
  freePort,
  type RunningClickHouse,
  type ClickHouseAvailability,
  type ClickHouseServerOptions,
} from './clickhouse-server.js';
export {
  startClickHouseCluster,
  clusterSkipReason,
  type RunningClickHouseCluster,
  type RunningClusterNode,
} from './cluster/clickhouse-cluster.js';
export { clusterNodeConfig, type ClusterLayout, type ClusterNode } from './cluster/cluster-config.js';
export {
  startZooKeeper,
  zooKeeperSkipReason,
  zooKeeperMissing,
  type RunningZooKeeper,
} from './cluster/zookeeper-server.js';
