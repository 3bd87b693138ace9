import type { HealthResponse, RecordTenderResponse, TendersReceivedResponse } from '@presales/contracts';
import { clusterSkipReason, startClickHouseCluster, type RunningClickHouseCluster } from '@presales/clickhouse-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  json,
  postJson,
  runUntilExit,
  startPlatform,
  tempDataDir,
  type PlatformProcess,
} from '../platform-process.js';
import { nodeSql } from './cluster-sql.js';
import { reportClusterOnFailure } from './report-on-failure.js';

const skip = clusterSkipReason('the platform on a ClickHouse cluster');

const tender = (i: number) => ({
  tenderId: `C-${i}`,
  opportunityId: `O-${i % 7}`,
  kind: 'tender',
  issuer: 'Ministry',
  deadline: '2026-09-01T00:00:00Z',
  receivedAt: `2026-0${(i % 6) + 1}-10T10:00:00Z`,
});

describe.skipIf(skip !== undefined)(
  'the platform on a ClickHouse cluster (2 shards × 2 replicas, CLICKHOUSE_CLUSTER)',
  () => {
    const data = tempDataDir();
    let cluster: RunningClickHouseCluster;
    let platform: PlatformProcess;
    let env: Record<string, string>;
    reportClusterOnFailure(() => cluster);
    beforeAll(async () => {
      cluster = await startClickHouseCluster();
      env = { CLICKHOUSE_URL: cluster.urlList('/presales'), CLICKHOUSE_CLUSTER: cluster.name };
      platform = await startPlatform(data.dir, env);
    });
    afterAll(async () => {
      await platform?.stop();
      await cluster?.stop();
      data.remove();
    });

    it('creates the database and every table on every node, migrating a fresh cluster', async () => {
      const health = await json<HealthResponse>(await apiFetch(`${platform.url}api/health`));
      expect(health.analyticsStore).toMatchObject({ engine: 'clickhouse', ok: true });
      const tables = await Promise.all(
        cluster.nodes.map((node) =>
          nodeSql(node.url, "SELECT count() FROM system.tables WHERE database = 'presales' AND name LIKE '%\\_local'"),
        ),
      );
      expect(new Set(tables).size).toBe(1);
      expect(Number(tables[0])).toBeGreaterThan(10);
      // The bookkeeping is replicated to every node: a platform failing over finds it migrated.
      for (const node of cluster.nodes) {
        await nodeSql(node.url, 'SYSTEM SYNC REPLICA presales.schema_migrations');
        expect(
          Number(await nodeSql(node.url, 'SELECT count() FROM presales.schema_migrations FINAL')),
        ).toBeGreaterThanOrEqual(4);
      }
    });

    it('reads every write it answered projected: true, across both shards', async () => {
      for (let i = 1; i <= 24; i += 1) {
        const recorded = await json<RecordTenderResponse>(await postJson(`${platform.url}api/tenders`, tender(i)));
        expect(recorded.projected).toBe(true);
        const kpi = await json<TendersReceivedResponse>(await apiFetch(`${platform.url}api/kpis/tenders-received`));
        expect(kpi.total).toBe(i);
      }
      const perShard = await Promise.all(
        cluster.nodes.map(async (node) => {
          await nodeSql(node.url, 'SYSTEM SYNC REPLICA presales.tender_received_local');
          return Number(await nodeSql(node.url, 'SELECT count() FROM presales.tender_received_local FINAL'));
        }),
      );
      // Replicas of a shard agree; both shards hold some of the tenders; none is lost or doubled.
      expect(perShard[0]).toBe(perShard[1]);
      expect(perShard[2]).toBe(perShard[3]);
      expect(perShard[0]).toBeGreaterThan(0);
      expect(perShard[2]).toBeGreaterThan(0);
      expect(perShard[0]! + perShard[2]!).toBe(24);
    });

    it('rebuilds every read model ON CLUSTER and projects live again after', async () => {
      const before = await json<TendersReceivedResponse>(await apiFetch(`${platform.url}api/kpis/tenders-received`));
      const run = await runUntilExit(['rebuild', '--url', platform.url]);
      expect(run.output).toContain('rebuilt every read model up to position');
      expect(run.code).toBe(0);
      const after = await json<TendersReceivedResponse>(await apiFetch(`${platform.url}api/kpis/tenders-received`));
      expect(after.points).toEqual(before.points);
      const recorded = await json<RecordTenderResponse>(await postJson(`${platform.url}api/tenders`, tender(25)));
      expect(recorded.projected).toBe(true);
      expect(
        (await json<TendersReceivedResponse>(await apiFetch(`${platform.url}api/kpis/tenders-received`))).total,
      ).toBe(25);
    });

    it('starts again on the filled cluster, through another node first, with nothing to migrate and nothing lost', async () => {
      await platform.stop();
      const [first, ...others] = env['CLICKHOUSE_URL']!.split(',');
      platform = await startPlatform(data.dir, { ...env, CLICKHOUSE_URL: [...others, first].join(',') });
      expect(platform.output()).not.toMatch(/analytics migration .* failed/);
      expect(
        (await json<TendersReceivedResponse>(await apiFetch(`${platform.url}api/kpis/tenders-received`))).total,
      ).toBe(25);
    });
  },
);
