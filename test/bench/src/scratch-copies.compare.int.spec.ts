import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analyticsTablesPolicy,
  assessMaturity,
  buildScorecard,
  buildScorecards,
  GatedQueryStore,
  rebuildReadModels,
  recordPractices,
  withScratchCopies,
  type FxRates,
} from '@presales/analytics';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { DemoClock, generateDemo, loadDemo } from '@presales/demo';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { formatPeriod, KPI_CATALOG, MATURITY_PRACTICES, parsePeriod, periodBounds, type Period } from '@presales/kpi';
import type { ScorecardResponse } from '@presales/contracts';
import { expect, it } from 'vitest';

/**
 * Decision 0045, in one run on the demo data (chDB, through the SQL gate as the API reads KPIs):
 * a whole maturity with its window's scorecards read from the request's copies against the
 * scorecards read in place beside the practices' copies (decision 0040), and a computed org
 * scorecard (28 KPIs and the previous period) read in place against the same from copies.
 * Opt-in (BENCH_SCRATCH_COMPARE=1): it loads the demo history and runs for a minute or two.
 * Medians of RUNS runs of each path in turn; reports ratios, the machine may be shared.
 */
const FX: FxRates = { reportingCurrency: 'CNY', rates: { CNY: '1', USD: '7.1', EUR: '7.8' } };
const RUNS = 7;
const median = (samples: readonly number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

it.runIf(process.env['BENCH_SCRATCH_COMPARE'] === '1')(
  'compares maturity and the scorecard read in place with the same read from scratch copies',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'presales-scratch-compare-'));
    const clock = new DemoClock();
    const events = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), durability: 'normal', clock: clock.read });
    const store = await ChdbAnalyticsStore.open({ path: join(dir, 'clickhouse'), database: 'compare' });
    const parser = store.openSqlParser();
    try {
      await loadDemo(generateDemo({ seed: 1, scale: 'small' }), events, clock);
      await rebuildReadModels(events, store);
      const gated = new GatedQueryStore(store, { parser, policy: analyticsTablesPolicy('compare') });
      const asOf = new Date(clock.read());
      // The history runs from 2024-01 to 2026-01: a window and a month inside it.
      const quarters: Period[] = [parsePeriod('2025-Q3'), parsePeriod('2025-Q4')];
      const card = { definitions: KPI_CATALOG, scope: { kind: 'org' as const }, asOf, fx: FX };
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
              fx: FX,
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
          fx: FX,
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
      expect(withoutSql((await scorecardFromCopies())[0]!.lines)).toEqual(withoutSql((await scorecardInPlace()).lines));
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
      await store.close();
      await events.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  900_000,
);
