import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assessMaturity, rebuildReadModels, type AnalyticsStore, type FxRates } from '@presales/analytics';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { ClickHouseAnalyticsStore } from '@presales/analytics-clickhouse';
import { clickHouseSkipReason, startClickHouseServer, type RunningClickHouse } from '@presales/clickhouse-harness';
import { DemoClock, generateDemo, loadDemo } from '@presales/demo';
import type { RecordedEvent } from '@presales/event-store';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { KPI_CATALOG, type ProcessArea } from '@presales/kpi';
import { oracleMaturity } from '@presales/kpi-oracle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maturityMismatches } from './maturity-comparison.js';

/**
 * Issue 26: on generated histories, the maturity the platform assesses (practice SQL and the
 * window's scorecards) equals the maturity folded from the raw events in plain TypeScript
 * (test/kpi-oracle/src/maturity), area by area, practice by practice, failing unit by failing
 * unit, levels 4 and 5 included, on chDB and on ClickHouse 18.16.
 */
const SEEDS = [1, 7, 2026];
const DEMO_EVENTS = 6000;
/** A moment, a window of quarters, and the areas of a drill-down (every area when absent). */
interface Assessment {
  readonly asOf: string;
  readonly window: number;
  readonly areas?: readonly ProcessArea[];
}
/** The demo history runs from 2024-01 to 2026-01: windows early in it, in its middle and past its end. */
const ASSESSMENTS: readonly Assessment[] = [
  { asOf: '2024-10-15T00:00:00.000Z', window: 2 },
  { asOf: '2025-04-01T00:00:00.000Z', window: 1 },
  { asOf: '2025-08-20T12:00:00.000Z', window: 4 },
  { asOf: '2026-02-01T00:00:00.000Z', window: 2 },
  // Drill-downs, which compute only their areas' KPIs.
  { asOf: '2025-08-20T12:00:00.000Z', window: 2, areas: ['bid'] },
  { asOf: '2026-02-01T00:00:00.000Z', window: 2, areas: ['people', 'collaboration'] },
];
const THRESHOLD = 0.8;
const FX: FxRates = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'config', 'fx-rates.json'), 'utf8'),
) as FxRates;

const serverSkip = clickHouseSkipReason('maturity oracle on the ClickHouse server');
const ENGINES = [
  { name: 'chdb', skip: undefined as string | undefined },
  { name: 'clickhouse-server', skip: serverSkip },
];
// One ClickHouse server for the file: each history gets its own database on it.
let server: RunningClickHouse | undefined;
beforeAll(async () => {
  if (serverSkip === undefined) server = await startClickHouseServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

for (const seed of SEEDS) {
  describe(`maturity = maturity oracle, seed ${seed}`, () => {
    const dir = mkdtempSync(join(tmpdir(), `presales-maturity-oracle-${seed}-`));
    const clock = new DemoClock();
    const eventStore = SqliteEventStore.open({
      file: join(dir, 'events.sqlite'),
      durability: 'normal',
      clock: clock.read,
    });
    let events: RecordedEvent[];
    const stores: AnalyticsStore[] = [];

    beforeAll(async () => {
      await loadDemo(generateDemo({ seed, scale: DEMO_EVENTS }), eventStore, clock);
      events = await eventStore.readAll();
    }, 300_000);
    afterAll(async () => {
      for (const store of stores) await store.close();
      await eventStore.close();
      rmSync(dir, { recursive: true, force: true });
    });

    for (const engine of ENGINES) {
      it.skipIf(engine.skip !== undefined)(
        `agrees on every area, practice and failing unit, for every window and asOf, on ${engine.name}`,
        async () => {
          const store =
            engine.name === 'chdb'
              ? await ChdbAnalyticsStore.open({ path: join(dir, 'clickhouse'), database: `maturity_${seed}` })
              : await ClickHouseAnalyticsStore.open({ url: server!.url, database: `maturity_${seed}` });
          stores.push(store);
          await rebuildReadModels(eventStore, store);
          const mismatches: string[] = [];
          const levels: number[] = [];
          for (const assessment of ASSESSMENTS) {
            const { asOf, window } = assessment;
            const areas = assessment.areas === undefined ? {} : { areas: assessment.areas };
            const request = {
              asOf: new Date(asOf),
              windowQuarters: window,
              threshold: THRESHOLD,
              definitions: KPI_CATALOG,
              fx: FX,
              ...areas,
            };
            const platform = await assessMaturity(store, request);
            const oracle = oracleMaturity(events, {
              asOf,
              windowQuarters: window,
              threshold: THRESHOLD,
              definitions: KPI_CATALOG,
              fx: FX,
              ...areas,
            });
            mismatches.push(
              ...maturityMismatches(
                `asOf ${asOf} window ${window}${assessment.areas === undefined ? '' : ` areas ${assessment.areas.join(',')}`}`,
                platform,
                oracle,
              ),
            );
            levels.push(...oracle.areas.map((a) => a.level));
          }
          expect(mismatches).toEqual([]);
          // The histories must reach beyond Initial, or the comparison proves little about levels 3 to 5.
          expect(new Set(levels).size).toBeGreaterThanOrEqual(3);
        },
        600_000,
      );
    }
  });
}
