import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assessMaturity,
  buildScorecards,
  evidenceSql,
  rebuildReadModels,
  recordPractices,
  renderSqlTemplate,
  type AnalyticsStore,
  type FxRates,
  type ScratchSession,
  withScratchCopies,
} from '@presales/analytics';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { DemoClock, generateDemo, loadDemo } from '@presales/demo';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { KPI_CATALOG, MATURITY_PRACTICES, parsePeriod } from '@presales/kpi';
import { expect, it } from 'vitest';

/**
 * Maturity's practices before and after decision 0040, in one run on the demo data (chDB):
 * each practice as its own statement side by side (before) against the copies read once (after),
 * beside a whole maturity and the window's scorecards. Opt-in (BENCH_MATURITY_COMPARE=1): it
 * loads the demo history and runs for a minute. Reports ratios; the machine may be shared.
 */
const FX: FxRates = { reportingCurrency: 'CNY', rates: { CNY: '1', USD: '7.1', EUR: '7.8' } };
const RUNS = 7;

it.runIf(process.env['BENCH_MATURITY_COMPARE'] === '1')(
  'compares maturity practices read in place with practices read from copies',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'presales-maturity-compare-'));
    const clock = new DemoClock();
    const events = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), durability: 'normal', clock: clock.read });
    const store = await ChdbAnalyticsStore.open({ path: join(dir, 'clickhouse'), database: 'compare' });
    try {
      await loadDemo(generateDemo({ seed: 1, scale: 'small' }), events, clock);
      await rebuildReadModels(events, store);
      const asOf = new Date(clock.read());
      const window = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') };
      const before = () =>
        Promise.all(
          MATURITY_PRACTICES.map((practice) =>
            store.query(
              evidenceSql(
                practice.id,
                renderSqlTemplate(practice.sql, {
                  start: window.from,
                  end: window.to,
                  asOf,
                  scope: { kind: 'org' },
                  fx: FX,
                  parameters: {},
                  label: practice.id,
                }),
                50,
              ),
            ),
          ),
        );
      // Where the copies' time goes: copying, counting, dropping (summed over the runs).
      const spent = { copy: 0, count: 0, drop: 0 };
      const timing = async <R>(kind: keyof typeof spent, run: () => Promise<R>): Promise<R> => {
        const start = performance.now();
        try {
          return await run();
        } finally {
          spent[kind] += performance.now() - start;
        }
      };
      const timed: AnalyticsStore = Object.create(store, {
        withScratchSession: {
          value: <T>(work: (session: ScratchSession) => Promise<T>) =>
            store.withScratchSession((session) =>
              work({
                database: session.database,
                command: (sql) => timing(sql.includes('CREATE') ? 'copy' : 'drop', () => session.command(sql)),
                query: <Row extends object>(sql: string) => timing('count', () => session.query<Row>(sql)),
              }),
            ),
        },
      });
      const after = () =>
        withScratchCopies(timed, { asOf, tag: 'compare' }, (copies) =>
          recordPractices(copies, {
            practices: MATURITY_PRACTICES,
            ...window,
            asOf,
            threshold: 0.8,
            fx: FX,
            failingShown: 50,
          }),
        );
      const scorecards = () =>
        buildScorecards(
          store,
          { definitions: KPI_CATALOG, scope: { kind: 'org' }, asOf, fx: FX },
          [parsePeriod('2026-Q1'), parsePeriod('2026-Q2')],
          { trend: 'not_judged' },
        );
      const maturity = () =>
        assessMaturity(store, { asOf, windowQuarters: 2, threshold: 0.8, definitions: KPI_CATALOG, fx: FX });
      const timings: Record<string, number[]> = { before: [], after: [], scorecards: [], maturity: [] };
      const steps = { before, after, scorecards, maturity };
      for (let run = 0; run < RUNS; run += 1)
        for (const [name, step] of Object.entries(steps)) {
          const start = performance.now();
          await step();
          timings[name]!.push(performance.now() - start);
        }
      const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
      const medians = Object.fromEntries(Object.entries(timings).map(([name, s]) => [name, median(s)]));
      console.log(
        `medians of ${RUNS} runs (ms): ${JSON.stringify(medians)}; practices after/before ${(medians['after']! / medians['before']!).toFixed(2)}, maturity/scorecards ${(medians['maturity']! / medians['scorecards']!).toFixed(2)}`,
      );
      console.log(`the copies' time over ${RUNS} runs (ms): ${JSON.stringify(spent)}`);
      expect(medians['after']).toBeGreaterThan(0);
    } finally {
      await store.close();
      await events.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  600_000,
);
