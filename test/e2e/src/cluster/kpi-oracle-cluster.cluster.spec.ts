import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeKpi, formatScope, rebuildReadModels, type AnalyticsStore, type FxRates, type KpiScope } from '@presales/analytics';
import { ClickHouseAnalyticsStore } from '@presales/analytics-clickhouse';
import { clusterSkipReason, startClickHouseCluster, startClickHouseServer, type RunningClickHouse, type RunningClickHouseCluster } from '@presales/clickhouse-harness';
import { DemoClock, generateDemo, loadDemo } from '@presales/demo';
import type { RecordedEvent } from '@presales/event-store';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { KPI_CATALOG, parsePeriod } from '@presales/kpi';
import { oracleKpi } from '@presales/kpi-oracle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The KPI oracle of kpi-oracle.e2e.spec.ts on the 2 × 2 cluster: every KPI of every seed, as the
 * cluster's Distributed tables answer it, equals the oracle's fold of the raw events and the same
 * KPI on a single ClickHouse 18.16 server (float sums to 1e-9 relative).
 */
const SEEDS = [1, 7, 2026];
const DEMO_EVENTS = 6000;
const PERIODS = ['2024-09', '2025-Q1', '2025-06'];
const AS_OFS = ['2025-04-15T00:00:00.000Z', '2026-06-01T00:00:00.000Z'];
const FX: FxRates = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'config', 'fx-rates.json'), 'utf8')) as FxRates;

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

function scopesOf(events: readonly RecordedEvent[]): KpiScope[] {
  const consultant = events.find((e) => e.type === 'ConsultantOnboarded')!;
  const opportunity = events.find((e) => e.type === 'OpportunityRegistered')!;
  return [
    { kind: 'org' },
    { kind: 'team', id: String(consultant.data['teamId']) },
    { kind: 'consultant', id: String(consultant.data['consultantId']) },
    { kind: 'product_line', id: String((opportunity.data['productLines'] as string[])[0]) },
  ];
}

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

  for (const seed of SEEDS) {
    it(`agrees on every KPI, period, scope and asOf, seed ${seed}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), `presales-cluster-oracle-${seed}-`));
      const clock = new DemoClock();
      const eventStore = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), durability: 'normal', clock: clock.read });
      try {
        await loadDemo(generateDemo({ seed, scale: DEMO_EVENTS }), eventStore, clock);
        const events = await eventStore.readAll();
        const database = `oracle_${seed}`;
        const onCluster = await ClickHouseAnalyticsStore.open({ url: cluster.urlList(), database, cluster: cluster.name });
        const onServer = await ClickHouseAnalyticsStore.open({ url: single.url, database });
        stores.push(onCluster, onServer);
        await Promise.all([rebuildReadModels(eventStore, onCluster, { target: { cluster: cluster.name, database } }), rebuildReadModels(eventStore, onServer)]);
        const mismatches: string[] = [];
        let compared = 0;
        let withData = 0;
        for (const asOf of AS_OFS) {
          for (const periodText of PERIODS) {
            for (const scope of scopesOf(events)) {
              for (const definition of KPI_CATALOG) {
                const request = { definition, period: parsePeriod(periodText), scope, asOf: new Date(asOf), fx: FX };
                const [clustered, served] = await Promise.all([computeKpi(onCluster, request), computeKpi(onServer, request)]);
                const oracle = oracleKpi(definition.id, events, {
                  period: periodText,
                  scope: scope.kind === 'org' ? { kind: 'org' } : scope,
                  asOf,
                  fx: FX,
                  parameters: { slaHoursByKind: definition.parameters['slaHoursByKind'] ?? {} },
                });
                compared += 1;
                if (oracle !== null && oracle !== 0) withData += 1;
                const where = `${definition.id} ${periodText} ${formatScope(scope)} asOf ${asOf}`;
                if (!close(clustered.value, oracle)) mismatches.push(`${where}: cluster ${clustered.value} ≠ oracle ${oracle}`);
                if (!close(clustered.value, served.value)) mismatches.push(`${where}: cluster ${clustered.value} ≠ single server ${served.value}`);
              }
            }
          }
        }
        expect(mismatches).toEqual([]);
        expect(compared).toBe(AS_OFS.length * PERIODS.length * 4 * KPI_CATALOG.length);
        expect(withData).toBeGreaterThan(compared / 3);
      } finally {
        await eventStore.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }, 600_000);
  }
});
