import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assessMaturity, rebuildReadModels, type AnalyticsStore, type FxRates } from '@presales/analytics';
import { ClickHouseAnalyticsStore } from '@presales/analytics-clickhouse';
import { clusterSkipReason, startClickHouseCluster, type RunningClickHouseCluster } from '@presales/clickhouse-harness';
import { DemoClock, generateDemo, loadDemo } from '@presales/demo';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { KPI_CATALOG } from '@presales/kpi';
import { oracleMaturity } from '@presales/kpi-oracle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maturityMismatches } from '../maturity-comparison.js';

/**
 * Maturity on the 2 × 2 cluster (decision 0040): the practices' copies are temporary tables of
 * one node's session, filled from the Distributed tables, and the answer equals the maturity
 * oracle's fold of the raw events, levels 4 and 5 included.
 */
const skip = clusterSkipReason('maturity on the cluster = maturity oracle');
const FX: FxRates = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', '..', 'config', 'fx-rates.json'), 'utf8'),
) as FxRates;
const ASSESSMENTS = [
  { asOf: '2025-08-20T12:00:00.000Z', window: 2 },
  { asOf: '2026-02-01T00:00:00.000Z', window: 2 },
];

describe.skipIf(skip !== undefined)('maturity on a 2 × 2 ClickHouse 18.16 cluster = maturity oracle', () => {
  let cluster: RunningClickHouseCluster;
  let store: AnalyticsStore | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'presales-maturity-cluster-'));
  beforeAll(async () => {
    cluster = await startClickHouseCluster();
  });
  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('agrees on every area, practice and failing unit', async () => {
    const clock = new DemoClock();
    const eventStore = SqliteEventStore.open({
      file: join(dir, 'events.sqlite'),
      durability: 'normal',
      clock: clock.read,
    });
    try {
      await loadDemo(generateDemo({ seed: 7, scale: 6000 }), eventStore, clock);
      const events = await eventStore.readAll();
      const database = 'maturity_cluster';
      store = await ClickHouseAnalyticsStore.open({ url: cluster.urlList(), database, cluster: cluster.name });
      await rebuildReadModels(eventStore, store, { target: { cluster: cluster.name, database } });
      const mismatches: string[] = [];
      for (const { asOf, window } of ASSESSMENTS) {
        const request = { asOf, windowQuarters: window, threshold: 0.8, definitions: KPI_CATALOG, fx: FX };
        const platform = await assessMaturity(store, { ...request, asOf: new Date(asOf) });
        mismatches.push(
          ...maturityMismatches(`asOf ${asOf} window ${window}`, platform, oracleMaturity(events, request)),
        );
      }
      expect(mismatches).toEqual([]);
    } finally {
      await eventStore.close();
    }
  }, 600_000);
});
