/** One ClickHouse server of a cluster: where it listens and which shard and replica it is. */
export interface ClusterNode {
  /** The `{replica}` macro: unique in the cluster, such as `ch-1`. */
  readonly name: string;
  /** The `{shard}` macro, `01`, `02`, …: replicas of one shard share it. */
  readonly shard: string;
  readonly host: string;
  readonly httpPort: number;
  readonly tcpPort: number;
  /** Where the other replicas fetch this one's parts: 18.16 replicas never activate without it. */
  readonly interserverHttpPort: number;
}

export interface ClusterLayout {
  /** The `remote_servers` name, CLICKHOUSE_CLUSTER of the platform. */
  readonly name: string;
  readonly nodes: readonly ClusterNode[];
  readonly zooKeeper: readonly { readonly host: string; readonly port: number }[];
}

/**
 * The config.d file of `node` for ClickHouse 18.16 (root element `yandex`, which current
 * versions still read): the cluster with `internal_replication` (each insert goes to one replica
 * of a shard; replication copies it), ZooKeeper for replication and ON CLUSTER queries, and the
 * node's macros. infra/clickhouse-cluster holds the same file written out for four hosts.
 */
export function clusterNodeConfig(
  layout: ClusterLayout,
  node: ClusterNode,
  standalone?: { readonly dataDir: string },
): string {
  const shards = [...new Set(layout.nodes.map((n) => n.shard))].sort();
  const replicas = (shard: string) =>
    layout.nodes
      .filter((n) => n.shard === shard)
      .map((n) => `        <replica><host>${n.host}</host><port>${n.tcpPort}</port></replica>`)
      .join('\n');
  return [
    '<?xml version="1.0"?>',
    '<yandex>',
    '  <remote_servers>',
    `    <${layout.name}>`,
    ...shards.map(
      (shard) =>
        `      <shard>\n        <internal_replication>true</internal_replication>\n${replicas(shard)}\n      </shard>`,
    ),
    `    </${layout.name}>`,
    '  </remote_servers>',
    '  <zookeeper>',
    ...layout.zooKeeper.map((zk) => `    <node><host>${zk.host}</host><port>${zk.port}</port></node>`),
    '    <session_timeout_ms>6000</session_timeout_ms>',
    '  </zookeeper>',
    '  <distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>',
    `  <macros><shard>${node.shard}</shard><replica>${node.name}</replica></macros>`,
    `  <interserver_http_port>${node.interserverHttpPort}</interserver_http_port>`,
    `  <interserver_http_host>${node.host}</interserver_http_host>`,
    // A file for a server started by hand (infra/clickhouse-cluster/one-host) names its own ports
    // and folders; the harness passes them on the command line instead.
    ...(standalone === undefined
      ? []
      : [
          `  <http_port>${node.httpPort}</http_port>`,
          `  <tcp_port>${node.tcpPort}</tcp_port>`,
          `  <path>${standalone.dataDir}/</path>`,
          `  <tmp_path>${standalone.dataDir}/tmp/</tmp_path>`,
          `  <user_files_path>${standalone.dataDir}/user_files/</user_files_path>`,
          `  <format_schema_path>${standalone.dataDir}/format_schemas/</format_schema_path>`,
        ]),
    '</yandex>',
    '',
  ].join('\n');
}
