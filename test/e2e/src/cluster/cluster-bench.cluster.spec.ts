import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeKpis, rebuildReadModels, type AnalyticsStore, type FxRates } from '@presales/analytics';
import { ClickHouseAnalyticsStore } from '@presales/analytics-clickhouse';
import { clusterSkipReason, startClickHouseCluster, startClickHouseServer } from '@presales/clickhouse-harness';
import { DemoClock, generateDemo, loadDemo } from '@presales/demo';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { KPI_CATALOG, parsePeriod } from '@presales/kpi';
import { describe, expect, it } from 'vitest';

/**
 * `BENCH_CLUSTER=1 npm run test:cluster`: projection throughput into the 2 × 2 cluster and into a
 * single ClickHouse 18.16 server, on the same machine in one run, and the scorecard's KPI queries
 * on both (docs/benchmarks.md, "ClickHouse cluster"). Opt-in: it measures, it checks little.
 */
const EVENTS = 30_000;
const BATCH = 5_000;
const SCORECARD_RUNS = 5;

async function projectionRate(
  events: SqliteEventStore,
  store: AnalyticsStore,
  target: { cluster: string; database: string } | undefined,
): Promise<{ perSecond: number; projected: number }> {
  // Between the first and the last batch: the DDL a rebuild runs first (ON CLUSTER: seconds) is not projection.
  const marks: { at: number; projected: number }[] = [];
  await rebuildReadModels(events, store, {
    batchSize: BATCH,
    onProgress: (p) => marks.push({ at: performance.now(), projected: p.projected }),
    ...(target === undefined ? {} : { target }),
  });
  const [first, last] = [marks[0]!, marks.at(-1)!];
  return { perSecond: ((last.projected - first.projected) / (last.at - first.at)) * 1000, projected: last.projected };
}

async function scorecardMs(store: AnalyticsStore): Promise<number> {
  const queries = KPI_CATALOG.map((definition) => ({
    definition,
    period: parsePeriod('2025-Q1'),
    scope: { kind: 'org' } as const,
    asOf: new Date('2026-06-01T00:00:00Z'),
    fx: FX,
  }));
  const times: number[] = [];
  for (let run = 0; run < SCORECARD_RUNS; run += 1) {
    const started = performance.now();
    await computeKpis(store, queries);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const FX: FxRates = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', '..', 'config', 'fx-rates.json'), 'utf8'),
) as FxRates;
const skip = process.env['BENCH_CLUSTER'] === '1' ? clusterSkipReason('cluster benchmark') : 'BENCH_CLUSTER is not 1';

describe.skipIf(skip !== undefined)('benchmark: the 2 × 2 cluster against a single server', () => {
  it('projects the same history into both and times the scorecard on both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'presales-cluster-bench-'));
    const clock = new DemoClock();
    const events = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), durability: 'normal', clock: clock.read });
    const cluster = await startClickHouseCluster();
    const single = await startClickHouseServer();
    try {
      await loadDemo(generateDemo({ seed: 3, scale: EVENTS }), events, clock);
      const onCluster = await ClickHouseAnalyticsStore.open({
        url: cluster.urlList(),
        database: 'bench',
        cluster: cluster.name,
      });
      const onServer = await ClickHouseAnalyticsStore.open({ url: single.url, database: 'bench' });
      const server = await projectionRate(events, onServer, undefined);
      const clustered = await projectionRate(events, onCluster, { cluster: cluster.name, database: 'bench' });
      const [serverMs, clusterMs] = [await scorecardMs(onServer), await scorecardMs(onCluster)];
      await Promise.all([onCluster.close(), onServer.close()]);
      const row = (name: string, rate: number, ms: number) =>
        `| ${name} | ${Math.round(rate).toLocaleString('en-US')} | ${ms.toFixed(0)} |`;
      console.log(
        [
          `machine: ${cpus().length} × ${cpus()[0]?.model}, load average ${loadavg()[0]!.toFixed(1)}, ${new Date().toISOString()}; ${server.projected} events, batches of ${BATCH}`,
          '| ClickHouse 18.16 | projection (events/s) | scorecard, 28 KPIs (median ms) |',
          '| --- | ---: | ---: |',
          row('one server', server.perSecond, serverMs),
          row('2 shards × 2 replicas', clustered.perSecond, clusterMs),
          `cluster / one server: projection ${(clustered.perSecond / server.perSecond).toFixed(2)}×, scorecard ${(clusterMs / serverMs).toFixed(2)}× the time`,
        ].join('\n'),
      );
      expect(clustered.projected).toBe(server.projected);
    } finally {
      await events.close();
      await cluster.stop();
      await single.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 900_000);
});
