import { loadavg } from 'node:os';
import {
  analyticsTablesPolicy,
  assessMaturity,
  buildScorecard,
  buildScorecards,
  GatedQueryStore,
  recordPractices,
  withScratchCopies,
} from '@presales/analytics';
import { formatPeriod, KPI_CATALOG, MATURITY_PRACTICES, parsePeriod, periodBounds, type Period } from '@presales/kpi';
import type { ScorecardResponse } from '@presales/contracts';
import { expect, it } from 'vitest';
import { DEMO_FX, withDemoOnChdb } from './demo-on-chdb.js';
import { median } from './measure.js';

/**
 * Decision 0045, in one run on the demo data (chDB, through the SQL gate as the API reads KPIs):
 * a whole maturity with its window's scorecards read from the request's copies against the
 * scorecards read in place beside the practices' copies (decision 0040), and a computed org
 * scorecard (28 KPIs and the previous period) read in place against the same from copies.
 * Opt-in (BENCH_SCRATCH_COMPARE=1): it loads the demo history and runs for a minute or two.
 * Medians of RUNS runs of each path in turn; reports ratios, the machine may be shared.
 */
const RUNS = 7;

it.runIf(process.env['BENCH_SCRATCH_COMPARE'] === '1')(
  'compares maturity and the scorecard read in place with the same read from scratch copies',
  () =>
    withDemoOnChdb('scratch-compare', 'compare', async ({ store, clock }) => {
      const parser = store.openSqlParser();
      try {
        const gated = new GatedQueryStore(store, { parser, policy: analyticsTablesPolicy('compare') });
        const asOf = new Date(clock.read());
        // The history runs from 2024-01 to 2026-01: a window and a month inside it.
        const quarters: Period[] = [parsePeriod('2025-Q3'), parsePeriod('2025-Q4')];
        const card = { definitions: KPI_CATALOG, scope: { kind: 'org' as const }, asOf, fx: DEMO_FX };
        let request = 0;
        const tag = () => `compare-${(request += 1)}`;
        const maturityInPlace = () =>
          Promise.all([
            buildScorecards(gated, card, quarters, { trend: 'not_judged' }),
            withScratchCopies(gated, { asOf, tag: tag() }, (copies) =>
              recordPractices(copies, {
                practices: MATURITY_PRACTICES,
                from: periodBounds(quarters[0]!).start,
                to: periodBounds(parsePeriod('2026-Q1')).start,
                asOf,
                threshold: 0.8,
                fx: DEMO_FX,
                failingShown: 50,
              }),
            ),
          ]);
        const maturityFromCopies = () =>
          assessMaturity(gated, {
            asOf,
            windowQuarters: 2,
            threshold: 0.8,
            definitions: KPI_CATALOG,
            fx: DEMO_FX,
            tag: tag(),
          });
        // A month of the history's last quarter, as of its end, and its previous month.
        const month = parsePeriod('2025-11');
        const scorecardInPlace = () => buildScorecard(gated, { ...card, period: month });
        // As the API answers a scorecard asked for with no asOf (decision 0017): tables read whole.
        const scorecardLiveInPlace = () =>
          buildScorecard(gated, { ...card, asOf: new Date(), live: () => new Date(), period: month });
        const scorecardFromCopies = () =>
          withScratchCopies(gated, { asOf, tag: tag() }, (copies) =>
            buildScorecards(gated, card, [month], { trend: 'against_previous_period', copies }),
          );
        // The same answers either way, before any timing (the SQL shown names the copies or not).
        const withoutSql = (lines: ScorecardResponse['lines']) =>
          lines.map((line) => ({ ...line, do: { ...line.do, sql: '' } }));
        expect(withoutSql((await scorecardFromCopies())[0]!.lines)).toEqual(
          withoutSql((await scorecardInPlace()).lines),
        );
        const steps = {
          maturityInPlace,
          maturityFromCopies,
          scorecardInPlace,
          scorecardLiveInPlace,
          scorecardFromCopies,
        };
        const timings: Record<string, number[]> = Object.fromEntries(Object.keys(steps).map((name) => [name, []]));
        const loadBefore = loadavg()[0]!;
        for (let run = 0; run < RUNS; run += 1)
          for (const [name, step] of Object.entries(steps)) {
            const start = performance.now();
            await step();
            timings[name]!.push(performance.now() - start);
          }
        const m = Object.fromEntries(Object.entries(timings).map(([name, samples]) => [name, median(samples)]));
        const ratio = (of: string, against: string) => (m[of]! / m[against]!).toFixed(2);
        console.log(
          [
            `as of ${asOf.toISOString()}, window ${quarters.map(formatPeriod).join(', ')}`,
            `medians of ${RUNS} runs (ms): ${JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v)])))}`,
            `load average (1 min) ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after, on ${process.env['HOSTNAME'] ?? 'this machine'}`,
            `maturity from copies / in place ${ratio('maturityFromCopies', 'maturityInPlace')}`,
            `scorecard from copies / in place ${ratio('scorecardFromCopies', 'scorecardInPlace')}`,
            `scorecard from copies / live in place ${ratio('scorecardFromCopies', 'scorecardLiveInPlace')}`,
            `maturity from copies / scorecard in place ${ratio('maturityFromCopies', 'scorecardInPlace')}`,
          ].join('\n'),
        );
        expect(m['maturityFromCopies']).toBeGreaterThan(0);
      } finally {
        parser.close();
      }
    }),
  900_000,
);
