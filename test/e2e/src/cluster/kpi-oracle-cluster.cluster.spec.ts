import { rebuildReadModels, type AnalyticsStore } from '@presales/analytics';
import { ClickHouseAnalyticsStore } from '@presales/analytics-clickhouse';
import {
  clusterSkipReason,
  startClickHouseCluster,
  startClickHouseServer,
  type RunningClickHouse,
  type RunningClickHouseCluster,
} from '@presales/clickhouse-harness';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { compareWithOracle, expectAgreement, ORACLE_SEEDS, oracleHistory } from '../kpi-oracle-comparison.js';

/**
 * The KPI oracle of kpi-oracle.e2e.spec.ts on the 2 × 2 cluster: every KPI of every seed, as the
 * cluster's Distributed tables answer it, equals the oracle's fold of the raw events and the same
 * KPI on a single ClickHouse 18.16 server (float sums to 1e-9 relative).
 */
const skip = clusterSkipReason('KPI SQL on the cluster = single server = KPI oracle');

describe.skipIf(skip !== undefined)('KPI SQL on a 2 × 2 ClickHouse 18.16 cluster = single server = KPI oracle', () => {
  let cluster: RunningClickHouseCluster;
  let single: RunningClickHouse;
  const stores: AnalyticsStore[] = [];
  beforeAll(async () => {
    // One after the other: each picks free ports before it binds them.
    cluster = await startClickHouseCluster();
    single = await startClickHouseServer();
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await cluster?.stop();
    await single?.stop();
  });

  for (const seed of ORACLE_SEEDS) {
    it(`agrees on every KPI, period, scope and asOf, seed ${seed}`, async () => {
      const history = await oracleHistory(seed, 'presales-cluster-oracle');
      try {
        const database = `oracle_${seed}`;
        const onCluster = await ClickHouseAnalyticsStore.open({
          url: cluster.urlList(),
          database,
          cluster: cluster.name,
        });
        const onServer = await ClickHouseAnalyticsStore.open({ url: single.url, database });
        stores.push(onCluster, onServer);
        await Promise.all([
          rebuildReadModels(history.eventStore, onCluster, { target: { cluster: cluster.name, database } }),
          rebuildReadModels(history.eventStore, onServer),
        ]);
        expectAgreement(await compareWithOracle(history.events, { cluster: onCluster, 'single server': onServer }));
      } finally {
        await history.remove();
      }
    }, 600_000);
  }
});
