import {
  assessMaturity,
  buildScorecards,
  evidenceSql,
  recordPractices,
  renderSqlTemplate,
  type AnalyticsStore,
  type ScratchSession,
  withScratchCopies,
} from '@presales/analytics';
import { KPI_CATALOG, MATURITY_PRACTICES, parsePeriod } from '@presales/kpi';
import { expect, it } from 'vitest';
import { DEMO_FX, withDemoOnChdb } from './demo-on-chdb.js';
import { median } from './measure.js';

/**
 * Maturity's practices before and after decision 0040, in one run on the demo data (chDB):
 * each practice as its own statement side by side (before) against the copies read once (after),
 * beside a whole maturity and the window's scorecards. Opt-in (BENCH_MATURITY_COMPARE=1): it
 * loads the demo history and runs for a minute. Reports ratios; the machine may be shared.
 */
const RUNS = 7;

it.runIf(process.env['BENCH_MATURITY_COMPARE'] === '1')(
  'compares maturity practices read in place with practices read from copies',
  () =>
    withDemoOnChdb('maturity-compare', 'compare', async ({ store, clock }) => {
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
                  fx: DEMO_FX,
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
            fx: DEMO_FX,
            failingShown: 50,
          }),
        );
      const scorecards = () =>
        buildScorecards(
          store,
          { definitions: KPI_CATALOG, scope: { kind: 'org' }, asOf, fx: DEMO_FX },
          [parsePeriod('2026-Q1'), parsePeriod('2026-Q2')],
          { trend: 'not_judged' },
        );
      const maturity = () =>
        assessMaturity(store, { asOf, windowQuarters: 2, threshold: 0.8, definitions: KPI_CATALOG, fx: DEMO_FX });
      const timings: Record<string, number[]> = { before: [], after: [], scorecards: [], maturity: [] };
      const steps = { before, after, scorecards, maturity };
      for (let run = 0; run < RUNS; run += 1)
        for (const [name, step] of Object.entries(steps)) {
          const start = performance.now();
          await step();
          timings[name]!.push(performance.now() - start);
        }
      const medians = Object.fromEntries(Object.entries(timings).map(([name, s]) => [name, median(s)]));
      console.log(
        `medians of ${RUNS} runs (ms): ${JSON.stringify(medians)}; practices after/before ${(medians['after']! / medians['before']!).toFixed(2)}, maturity/scorecards ${(medians['maturity']! / medians['scorecards']!).toFixed(2)}`,
      );
      console.log(`the copies' time over ${RUNS} runs (ms): ${JSON.stringify(spent)}`);
      expect(medians['after']).toBeGreaterThan(0);
    }),
  600_000,
);
