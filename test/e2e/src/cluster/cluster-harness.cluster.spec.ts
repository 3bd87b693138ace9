import { clusterSkipReason, startClickHouseCluster, type RunningClickHouseCluster } from '@presales/clickhouse-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeSql as sql } from './cluster-sql.js';
import { reportClusterOnFailure } from './report-on-failure.js';

const skip = clusterSkipReason('ClickHouse cluster harness');

describe.skipIf(skip !== undefined)(
  'ClickHouse cluster harness: ZooKeeper and 2 shards × 2 replicas on loopback',
  () => {
    let cluster: RunningClickHouseCluster;
    beforeAll(async () => {
      cluster = await startClickHouseCluster();
    });
    afterAll(async () => {
      await cluster?.stop();
    });

    reportClusterOnFailure(() => cluster);

    it('every node sees the same four-node cluster and replicates through ZooKeeper', async () => {
      const [first, second] = cluster.nodes;
      const rows = await sql(
        first!.url,
        "SELECT shard_num, replica_num FROM system.clusters WHERE cluster = 'presales' ORDER BY shard_num, replica_num FORMAT CSV",
      );
      expect(rows.split('\n')).toEqual(['1,1', '1,2', '2,1', '2,2']);
      await sql(first!.url, 'CREATE DATABASE IF NOT EXISTS probe ON CLUSTER presales');
      await sql(
        first!.url,
        "CREATE TABLE IF NOT EXISTS probe.t_local ON CLUSTER presales (id String) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/probe/t_local', '{replica}') ORDER BY id",
      );
      await sql(first!.url, "INSERT INTO probe.t_local VALUES ('a')");
      await sql(second!.url, 'SYSTEM SYNC REPLICA probe.t_local');
      expect(await sql(second!.url, 'SELECT count() FROM probe.t_local')).toBe('1');
    });
  },
);
