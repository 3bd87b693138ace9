import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  computeKpis,
  EarlierEventMemory,
  KeptKpiValues,
  migrate,
  projectEvents,
  projectionContextOf,
  refreshKeptValues,
  type AnalyticsStore,
  type FxRates,
  type KpiQuery,
} from '@presales/analytics';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { ClickHouseAnalyticsStore } from '@presales/analytics-clickhouse';
import { clickHouseSkipReason, startClickHouseServer, type RunningClickHouse } from '@presales/clickhouse-harness';
import { DemoClock, generateDemo, loadDemo, type DemoEvent } from '@presales/demo';
import type { RecordedEvent } from '@presales/event-store';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { formatPeriod, KPI_CATALOG, periodsBetween, type Period } from '@presales/kpi';
import { oracleKpi } from '@presales/kpi-oracle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * KPI values kept per period (decision 0054) against computing them, on histories recorded out
 * of business-time order: a generated history's streams recorded group after group, so a later
 * group's events are backdated against an earlier group's. The history is projected in batches;
 * after each, the kept values are refreshed by the declarations of which periods a row can change
 * (periodChangesOf), and at two points every kept value of every catalog KPI, month and quarter
 * must equal `computeKpis` on the same tables; at the end, the KPI oracle's fold of the events as
 * well. A declaration that says too little leaves some value behind and fails here.
 */
const SEED = 7;
const EVENTS = 6000;
const STREAM_GROUPS = 4;
const BATCHES = 5;
const COMPARED_AFTER = new Set([1, BATCHES - 1]);
const FX = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'config', 'fx-rates.json'), 'utf8')) as FxRates;

const serverSkip = clickHouseSkipReason('kept KPI values on clickhouse-server');
const ENGINES = [
  { name: 'chdb', skip: undefined as string | undefined },
  { name: 'clickhouse-server', skip: serverSkip },
];

/** A small deterministic generator (mulberry32): the same groups on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generated events, their streams dealt into groups at random, each group recorded after the one before. */
function recordedOutOfOrder(events: readonly DemoEvent[]): DemoEvent[] {
  const random = seeded(SEED);
  const groupOf = new Map<string, number>();
  for (const event of events)
    if (!groupOf.has(event.stream)) groupOf.set(event.stream, Math.floor(random() * STREAM_GROUPS));
  return Array.from({ length: STREAM_GROUPS }, (_, group) =>
    events.filter((event) => groupOf.get(event.stream) === group),
  ).flat();
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('KPI values kept per period, on a history recorded out of business-time order', () => {
  let dir: string;
  let log: readonly RecordedEvent[];
  let server: RunningClickHouse | undefined;
  let periods: Period[];
  /** The day after the history's last business time: every month and quarter of it is kept. */
  let now: Date;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'presales-kept-values-'));
    const clock = new DemoClock();
    const eventStore = SqliteEventStore.open({
      file: join(dir, 'events.sqlite'),
      durability: 'normal',
      clock: clock.read,
    });
    try {
      await loadDemo(recordedOutOfOrder([...generateDemo({ seed: SEED, scale: EVENTS })]), eventStore, clock);
      log = await eventStore.readAll({ maxCount: 10_000_000 });
    } finally {
      await eventStore.close();
    }
    const times = log.map((event) => Date.parse(event.metadata.occurredAt));
    const first = new Date(Math.min(...times));
    now = new Date(Math.max(...times) + 86_400_000);
    periods = [...periodsBetween(first, now, 'month'), ...periodsBetween(first, now, 'quarter')];
    if (serverSkip === undefined) server = await startClickHouseServer();
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records streams out of business-time order: later positions hold earlier business times', () => {
    let backdated = 0;
    let latest = 0;
    for (const event of log) {
      const at = Date.parse(event.metadata.occurredAt);
      if (at < latest) backdated += 1;
      latest = Math.max(latest, at);
    }
    expect(backdated).toBeGreaterThan(log.length / 4);
  });

  for (const engine of ENGINES) {
    it.skipIf(engine.skip !== undefined)(
      `keeps every catalog KPI's months and quarters equal to computing them, batch after batch, on ${engine.name}`,
      async () => {
        const store: AnalyticsStore =
          engine.name === 'chdb'
            ? await ChdbAnalyticsStore.open({ path: join(dir, 'clickhouse'), database: 'kept' })
            : await ClickHouseAnalyticsStore.open({ url: server!.url, database: 'kept' });
        try {
          await migrate(store);
          let checkpoint = 0n;
          const kept = await KeptKpiValues.open(store, () => checkpoint);
          const memory = new EarlierEventMemory(10_000_000);
          const questions = periods.flatMap((period) =>
            KPI_CATALOG.map((definition): KpiQuery => ({
              definition,
              period,
              scope: { kind: 'org' },
              asOf: now,
              fx: FX,
              wholeTables: true,
            })),
          );
          const size = Math.ceil(log.length / BATCHES);
          let computed = 0;
          let compared = 0;
          for (let batch = 0; batch < BATCHES; batch += 1) {
            const events = log.slice(batch * size, (batch + 1) * size);
            for (const [table, rows] of projectEvents(events, projectionContextOf(events, memory)))
              if (rows.length > 0) await store.insert(table, rows);
            checkpoint = events.at(-1)!.position;
            // Behind the checkpoint, nothing is read from the kept values: each one is computed.
            if (batch > 0) expect((await kept.read(questions)).size).toBe(0);
            const report = await refreshKeptValues(store, kept, KPI_CATALOG, FX, { checkpoint, now });
            computed += report.computed;
            if (!COMPARED_AFTER.has(batch)) continue;
            const fromKept = await kept.read(questions);
            expect(fromKept.size).toBe(questions.length);
            const fromTables = await computeKpis(store, questions);
            const differ = questions.flatMap((question, i) => {
              const [a, b] = [fromKept.get(i)!, fromTables[i]!];
              return close(a.value, b.value) && a.units === b.units && a.error === b.error
                ? []
                : [
                    `${question.definition.id} ${formatPeriod(question.period)}: kept ${a.value} (${a.units}) ≠ computed ${b.value} (${b.units})`,
                  ];
            });
            expect(differ, `after batch ${batch + 1} of ${BATCHES}`).toEqual([]);
            compared += questions.length;
          }
          // The oracle, folding the events in TypeScript, on the whole history.
          const fromKept = await kept.read(questions);
          const oracleDiffers = questions.flatMap((question, i) => {
            const oracle = oracleKpi(question.definition.id, log, {
              period: formatPeriod(question.period),
              scope: { kind: 'org' },
              asOf: now.toISOString(),
              fx: FX,
              parameters: { slaHoursByKind: question.definition.parameters['slaHoursByKind'] ?? {} },
            });
            const value = fromKept.get(i)!.value;
            return close(value, oracle)
              ? []
              : [`${question.definition.id} ${formatPeriod(question.period)}: kept ${value} ≠ oracle ${oracle}`];
          });
          expect(oracleDiffers).toEqual([]);
          expect(compared).toBe(COMPARED_AFTER.size * questions.length);
          // Batches after the first recompute the periods their rows can change, not all of them.
          console.log(
            `kept KPI values on ${engine.name}: ${log.length} events in ${BATCHES} batches, ${questions.length} KPI-periods kept, ${computed} computed in all (${(computed / questions.length).toFixed(1)} × the whole set)`,
          );
          expect(computed).toBeLessThan(BATCHES * questions.length);
        } finally {
          await store.close();
        }
      },
      900_000,
    );
  }
});
