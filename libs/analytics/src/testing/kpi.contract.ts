import { defaultTargetOf, KPI_CATALOG, MATURITY_PRACTICES, parsePeriod, PROCESS_AREAS } from '@presales/kpi';
import { assessMaturity } from '../maturity/assess-maturity.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { computeKpi, computeLiveKpis, kpiUnits } from '../kpis/compute-kpi.js';
import { buildTrend } from '../kpis/trend.js';
import { buildScorecard, buildScorecards } from '../kpis/scorecard.js';
import { withScratchCopies } from '../kpis/scratch-copies.js';
import { projectEvents } from '../projection/project-events.js';
import { NO_CONTEXT, recordedHistory, type HistoryEntry } from './fixtures.js';
import { EarlierEventMemory } from '../projection/earlier-events.js';
import { projectionContextOf } from '../projection/projection-context.js';
import type { FxRates, KpiScope } from '../kpis/kpi-query.js';
import { migrate } from '../schema/migrations.js';

export const TEST_FX: FxRates = { reportingCurrency: 'CNY', rates: { CNY: '1', USD: '7.1' } };
const SCOPES: KpiScope[] = [
  { kind: 'org' },
  { kind: 'team', id: 'T-1' },
  { kind: 'consultant', id: 'C-1' },
  { kind: 'product_line', id: 'erp' },
];

/** When the tests that add events record them: after the asOf of the tests on empty tables. */
const IN_2027 = '2027-01-10T00:00:00.000Z';

/** A consultant of `teamId`, onboarded in January 2026. */
const onboarding = (id: string, teamId: string): HistoryEntry => [
  `consultant-${id}`,
  'ConsultantOnboarded',
  '2026-01-05T00:00:00Z',
  {
    consultantId: id,
    name: id,
    teamId,
    level: 'senior',
    productLines: ['erp'],
    skills: [],
    weeklyCapacityHours: 40,
    hourlyCost: { amount: '100', currency: 'CNY' },
  },
];

/** An assignment over the last quarter of 2026. */
const assignment = (consultant: string, id: string, opportunityId: string, pct: number): HistoryEntry => [
  `consultant-${consultant}`,
  'ConsultantAssigned',
  '2026-10-01T00:00:00Z',
  { assignmentId: id, opportunityId, role: 'lead', allocationPct: pct, from: '2026-10-01', to: '2026-12-31' },
];

/** Tender `<prefix>-1` awarded and `<prefix>-2` lost at the given times, both recorded at `recordedAt`. */
async function recordOutcomes(
  store: AnalyticsStore,
  first: bigint,
  prefix: string,
  [awarded, lost]: readonly [string, string],
  recordedAt: string,
): Promise<void> {
  const history = recordedHistory(
    first,
    [
      [`tender-${prefix}-1`, 'BidOutcomeRecorded', awarded, { outcome: 'awarded', awardedTo: 'us' }],
      [`tender-${prefix}-2`, 'BidOutcomeRecorded', lost, { outcome: 'not_awarded', awardedTo: 'them' }],
    ],
    recordedAt,
  );
  await projectInto(store, history);
}

/** A history's fact rows inserted as the projector writes them. */
async function projectInto(store: AnalyticsStore, history: Parameters<typeof projectEvents>[0]): Promise<void> {
  for (const [table, rows] of projectEvents(history, NO_CONTEXT)) if (rows.length > 0) await store.insert(table, rows);
}

/** Every KPI's SQL runs on this engine, for every kind of scope, month and quarter, and answers "no data" on empty tables. */
export function describeKpiSqlContract(openStore: () => Promise<AnalyticsStore>): void {
  describe('KPI SQL', () => {
    let store: AnalyticsStore;
    beforeAll(async () => {
      store = await openStore();
      await migrate(store);
    });

    it.each(KPI_CATALOG.map((definition) => [definition.id, definition] as const))(
      '%s runs on empty tables for every scope',
      async (_id, definition) => {
        for (const scope of SCOPES) {
          for (const period of ['2026-03', '2026-Q1']) {
            const actual = await computeKpi(store, {
              definition,
              period: parsePeriod(period),
              scope,
              asOf: new Date('2026-12-31T00:00:00Z'),
              fx: TEST_FX,
            });
            expect(actual.units).toBe(0);
            expect(actual.value).toBe(definition.aggregate === 'sum' ? 0 : null);
          }
        }
        const drill = await kpiUnits(store, {
          definition,
          period: parsePeriod('2026-03'),
          scope: { kind: 'org' },
          asOf: new Date(),
          fx: TEST_FX,
        });
        expect([drill.units, drill.truncated]).toEqual([[], false]);
      },
    );

    it('gives a trend with the value and target of every period, as computed one period at a time', async () => {
      const history = recordedHistory(
        9_000_001n,
        [
          ['tender-tr-1', 'BidOutcomeRecorded', '2026-10-05T00:00:00Z', { outcome: 'awarded', awardedTo: 'us' }],
          ['tender-tr-2', 'BidOutcomeRecorded', '2026-10-20T00:00:00Z', { outcome: 'not_awarded', awardedTo: 'them' }],
          ['tender-tr-3', 'BidOutcomeRecorded', '2026-12-02T00:00:00Z', { outcome: 'awarded', awardedTo: 'us' }],
          [
            'kpi-hit_rate',
            'KpiTargetSet',
            '2026-09-30T00:00:00Z',
            { period: '2026-10', scope: { kind: 'org' }, target: '0.45' },
          ],
        ],
        IN_2027,
      );
      await projectInto(store, history);
      const definition = KPI_CATALOG.find((d) => d.id === 'hit_rate')!;
      const asOf = new Date('2027-02-01T00:00:00Z');
      const request = {
        definition,
        from: new Date('2026-10-01T00:00:00Z'),
        to: new Date('2026-12-31T00:00:00Z'),
        grain: 'month' as const,
        scope: { kind: 'org' as const },
        asOf,
        fx: TEST_FX,
      };
      const trend = await buildTrend(store, request);
      expect(trend.points.map((p) => [p.period, p.actual, p.units, p.target])).toEqual([
        ['2026-10', 0.5, 2, 0.45],
        ['2026-11', null, 0, defaultTargetOf(definition)],
        ['2026-12', 1, 1, defaultTargetOf(definition)],
      ]);
      for (const point of trend.points) {
        const single = await computeKpi(store, {
          definition,
          period: parsePeriod(point.period),
          scope: { kind: 'org' },
          asOf,
          fx: TEST_FX,
        });
        // Each point traced as a scorecard's value is: the SQL that gave it, and its units.
        expect([point.actual, point.units, point.sql]).toEqual([single.value, single.units, single.sql]);
        expect(point.unitsHref).toBe(
          `/api/kpis/hit_rate/units?period=${point.period}&scope=org&version=1&asOf=2027-02-01T00:00:00.000Z`,
        );
      }
      // The drill-down of October's two tenders, cut at one: the first by id, and it says so.
      const october = {
        definition,
        period: parsePeriod('2026-10'),
        scope: { kind: 'org' as const },
        asOf,
        fx: TEST_FX,
      };
      expect(await kpiUnits(store, october, 1)).toMatchObject({
        units: [{ unitId: 'tr-1', num: 1, den: 1 }],
        truncated: true,
      });
      expect(await kpiUnits(store, october, 2)).toMatchObject({
        units: [{ unitId: 'tr-1' }, { unitId: 'tr-2' }],
        truncated: false,
      });
      expect(
        (await buildTrend(store, { ...request, asOf: new Date('2026-12-31T00:00:00Z') })).points.map((p) => p.units),
      ).toEqual([0, 0, 0]);
    });

    it('builds consecutive scorecards together exactly as it builds each alone', async () => {
      const request = {
        definitions: KPI_CATALOG,
        scope: { kind: 'org' as const },
        asOf: new Date('2027-02-01T00:00:00Z'),
        fx: TEST_FX,
      };
      const periods = ['2026-11', '2026-12'].map(parsePeriod);
      const together = await buildScorecards(store, request, periods);
      const alone = await Promise.all(periods.map((period) => buildScorecard(store, { ...request, period })));
      expect(together).toEqual(alone);
      expect(together.map((card) => card.lines.find((line) => line.kpiId === 'hit_rate')!.do.actual)).toEqual([
        null,
        1,
      ]);
      expect(together[1]!.lines.find((line) => line.kpiId === 'hit_rate')!.check.previousActual).toBeNull();
      // Maturity's cards judge no trend: the same Plan, Do, Check and Act, without the period before.
      const untrended = await buildScorecards(store, request, periods, { trend: 'not_judged' });
      const withoutTrend = (cards: typeof together) =>
        cards.map((card) => ({
          ...card,
          lines: card.lines.map((line) => ({
            ...line,
            check: { ...line.check, trend: 'no_data', previousActual: null },
          })),
        }));
      expect(untrended).toEqual(withoutTrend(together));
      expect(new Set(untrended.flatMap((card) => card.lines.map((line) => line.check.trend)))).toEqual(
        new Set(['no_data']),
      );
    });

    it("counts every scope's corrective actions in the org scorecard's Act, and only the team's in the team's", async () => {
      const raised = (id: string, scope: { kind: string; id?: string }): HistoryEntry => [
        `action-${id}`,
        'CorrectiveActionRaised',
        '2026-11-20T00:00:00Z',
        {
          actionId: id,
          kpiId: 'hit_rate',
          period: '2026-11',
          scope,
          rootCause: 'slow reviews',
          action: 'review earlier',
          ownerId: 'C-1',
          dueAt: '2026-12-20T00:00:00Z',
        },
      ];
      const history = recordedHistory(
        9_500_001n,
        [raised('ACT-team', { kind: 'team', id: 'T-act' }), raised('ACT-org', { kind: 'org' })],
        IN_2027,
      );
      await projectInto(store, history);
      const request = {
        definitions: KPI_CATALOG,
        period: parsePeriod('2026-11'),
        asOf: new Date('2027-02-01T00:00:00Z'),
        fx: TEST_FX,
      };
      const actionsOf = async (scope: KpiScope) =>
        (await buildScorecard(store, { ...request, scope })).lines.find((line) => line.kpiId === 'hit_rate')!.act
          .actionIds;
      expect(await actionsOf({ kind: 'org' })).toEqual(['ACT-org', 'ACT-team']);
      expect(await actionsOf({ kind: 'team', id: 'T-act' })).toEqual(['ACT-team']);
    });

    it('gives each period of scorecards built together its own targets and actions, as each alone', async () => {
      const raised = (id: string, period: string, scope: { kind: string; id?: string }): HistoryEntry => [
        `action-${id}`,
        'CorrectiveActionRaised',
        `${period}-20T00:00:00Z`,
        {
          actionId: id,
          kpiId: 'hit_rate',
          period,
          scope,
          rootCause: 'late',
          action: 'earlier',
          ownerId: 'C-1',
          dueAt: '2026-12-20T00:00:00Z',
        },
      ];
      const history = recordedHistory(
        9_600_001n,
        [
          raised('ACT-jul', '2026-07', { kind: 'org' }),
          raised('ACT-aug-b', '2026-08', { kind: 'org' }),
          raised('ACT-aug-a', '2026-08', { kind: 'team', id: 'T-aug' }),
          [
            'action-ACT-aug-a',
            'CorrectiveActionCompleted',
            '2026-08-25T00:00:00Z',
            { actionId: 'ACT-aug-a', result: 'done' },
          ],
          [
            'action-ACT-jul',
            'CorrectiveActionVerified',
            '2026-08-30T00:00:00Z',
            { actionId: 'ACT-jul', effective: false, measuredDelta: '0' },
          ],
          [
            'kpi-hit_rate',
            'KpiTargetSet',
            '2026-07-31T00:00:00Z',
            { period: '2026-08', scope: { kind: 'org' }, target: '0.55' },
          ],
        ],
        IN_2027,
      );
      await projectInto(store, history);
      const request = {
        definitions: KPI_CATALOG,
        scope: { kind: 'org' as const },
        asOf: new Date('2027-02-01T00:00:00Z'),
        fx: TEST_FX,
      };
      const periods = ['2026-07', '2026-08'].map(parsePeriod);
      const sent: string[] = [];
      const recording: AnalyticsStore = Object.create(store, {
        query: { value: <Row extends object>(sql: string) => (sent.push(sql), store.query<Row>(sql)) },
      });
      const together = await buildScorecards(recording, request, periods);
      const alone = await Promise.all(periods.map((period) => buildScorecard(store, { ...request, period })));
      expect(together).toEqual(alone);
      // The targets, the actions raised, completed and verified: one statement each for both
      // periods, as for one (decision 0050); the rest are the KPIs' statements.
      expect(sent.filter((sql) => !/\bAS slot\b/.test(sql))).toHaveLength(4);
      const hitRate = together.map((card) => card.lines.find((line) => line.kpiId === 'hit_rate')!);
      expect(hitRate.map((line) => [line.plan, line.act])).toEqual([
        [
          { target: 0.3, source: 'default' },
          { open: 0, completed: 0, verifiedEffective: 0, verifiedIneffective: 1, actionIds: ['ACT-jul'] },
        ],
        [
          { target: 0.55, source: 'target_set' },
          {
            open: 1,
            completed: 1,
            verifiedEffective: 0,
            verifiedIneffective: 0,
            actionIds: ['ACT-aug-a', 'ACT-aug-b'],
          },
        ],
      ]);
    });

    it("gives each period of cards built together, from the store or a maturity's copies, only what was recorded by asOf for it", async () => {
      const asOf = new Date('2025-06-15T00:00:00Z');
      const raised = (id: string, period: string, scope: { kind: string; id?: string }, at: string): HistoryEntry => [
        `action-${id}`,
        'CorrectiveActionRaised',
        at,
        {
          actionId: id,
          kpiId: 'hit_rate',
          period,
          scope,
          rootCause: 'late',
          action: 'earlier',
          ownerId: 'C-1',
          dueAt: '2025-07-20T00:00:00Z',
        },
      ];
      const target = (
        period: string,
        scope: { kind: string; id?: string },
        value: string,
        at: string,
      ): HistoryEntry => ['kpi-hit_rate', 'KpiTargetSet', at, { period, scope, target: value }];
      // Recorded when they occurred: some before asOf, some after it.
      const history = recordedHistory(9_700_001n, [
        target('2025-05', { kind: 'org' }, '0.5', '2025-04-25T00:00:00Z'),
        target('2025-05', { kind: 'org' }, '0.6', '2025-05-10T00:00:00Z'),
        target('2025-05', { kind: 'team', id: 'T-x' }, '0.9', '2025-05-11T00:00:00Z'),
        target('2025-04', { kind: 'org' }, '0.7', '2025-06-20T00:00:00Z'),
        raised('ACT-apr', '2025-04', { kind: 'org' }, '2025-04-20T00:00:00Z'),
        [
          'action-ACT-apr',
          'CorrectiveActionCompleted',
          '2025-06-20T00:00:00Z',
          { actionId: 'ACT-apr', result: 'done' },
        ],
        raised('ACT-may', '2025-05', { kind: 'team', id: 'T-x' }, '2025-05-20T00:00:00Z'),
        [
          'action-ACT-may',
          'CorrectiveActionCompleted',
          '2025-05-25T00:00:00Z',
          { actionId: 'ACT-may', result: 'done' },
        ],
        [
          'action-ACT-may',
          'CorrectiveActionVerified',
          '2025-06-25T00:00:00Z',
          { actionId: 'ACT-may', effective: true, measuredDelta: '0.1' },
        ],
        raised('ACT-late', '2025-05', { kind: 'org' }, '2025-06-20T00:00:00Z'),
      ]);
      await projectInto(store, history);
      const request = { definitions: KPI_CATALOG, scope: { kind: 'org' as const }, asOf, fx: TEST_FX };
      const periods = ['2025-04', '2025-05'].map(parsePeriod);
      const planAndAct = (cards: readonly { lines: readonly { kpiId: string; plan: unknown; act: unknown }[] }[]) =>
        cards.map((card) => {
          const line = card.lines.find((l) => l.kpiId === 'hit_rate')!;
          return [line.plan, line.act];
        });
      const expected = [
        [
          { target: 0.3, source: 'default' },
          { open: 1, completed: 0, verifiedEffective: 0, verifiedIneffective: 0, actionIds: ['ACT-apr'] },
        ],
        [
          { target: 0.6, source: 'target_set' },
          { open: 0, completed: 1, verifiedEffective: 0, verifiedIneffective: 0, actionIds: ['ACT-may'] },
        ],
      ];
      expect(planAndAct(await buildScorecards(store, request, periods))).toEqual(expected);
      const fromCopies = await withScratchCopies(store, { asOf, tag: 'pdca-window' }, (copies) =>
        buildScorecards(store, request, periods, { trend: 'not_judged', copies }),
      );
      expect(planAndAct(fromCopies)).toEqual(expected);
    });

    it('answers live: tables read whole when nothing was recorded after the request, else as of the request', async () => {
      await recordOutcomes(
        store,
        9_300_001n,
        'live',
        ['2027-02-05T00:00:00Z', '2027-02-20T00:00:00Z'],
        '2027-03-10T00:00:00.000Z',
      );
      const definition = KPI_CATALOG.find((d) => d.id === 'hit_rate')!;
      const february = [
        { definition, period: parsePeriod('2027-02'), scope: { kind: 'org' as const }, asOf: new Date(0), fx: TEST_FX },
      ];

      // Asked before the outcomes were recorded: every table as of the request, which is the answer's asOf.
      const askedBefore = new Date('2027-03-01T00:00:00Z');
      const before = await computeLiveKpis(store, february, askedBefore, () => new Date('2027-03-01T00:00:01Z'));
      expect(before.asOf).toEqual(askedBefore);
      expect([before.actuals[0]!.value, before.actuals[0]!.units]).toEqual([null, 0]);
      expect(before.actuals[0]!.sql).toContain(
        `bid_outcome_recorded FINAL PREWHERE recorded_at_ms <= ${askedBefore.getTime()}`,
      );

      // Asked after: whole tables, as of the moment the answer was complete; the same as asking for that moment.
      const completed = new Date('2027-04-01T00:00:02Z');
      const after = await computeLiveKpis(store, february, new Date('2027-04-01T00:00:00Z'), () => completed);
      expect(after.asOf).toEqual(completed);
      expect(after.actuals[0]!.sql).toContain('(SELECT * FROM bid_outcome_recorded FINAL) AS o');
      const asked = await computeKpi(store, { ...february[0]!, asOf: completed });
      expect([after.actuals[0]!.value, after.actuals[0]!.units]).toEqual([asked.value, asked.units]);
      expect([asked.value, asked.units]).toEqual([0.5, 2]);
    });

    it('credits every consultant of a won opportunity with their share of it', async () => {
      // Two consultants on one opportunity:
      // an ANY INNER JOIN keeps one of them on ClickHouse ≥ 19 and both on 18.16.
      const history = recordedHistory(
        9_100_001n,
        [
          onboarding('C-s1', 'T-share'),
          onboarding('C-s2', 'T-share'),
          assignment('C-s1', 'AS-s1', 'O-share', 60),
          assignment('C-s2', 'AS-s2', 'O-share', 40),
          [
            'opportunity-O-share',
            'OpportunityWon',
            '2026-11-10T00:00:00Z',
            { amount: { amount: '1000', currency: 'CNY' } },
          ],
        ],
        IN_2027,
      );
      await projectInto(store, history);
      const definition = KPI_CATALOG.find((d) => d.id === 'influenced_revenue_per_consultant')!;
      const actual = await computeKpi(store, {
        definition,
        period: parsePeriod('2026-11'),
        scope: { kind: 'team', id: 'T-share' },
        asOf: new Date('2027-02-01T00:00:00Z'),
        fx: TEST_FX,
      });
      // (1000 × 60/100 + 1000 × 40/100) ÷ 2 consultants; units: two shares and two consultants
      expect([actual.value, actual.units]).toEqual([500, 4]);
    });

    it('counts a consultant-week loaded exactly 100% as not overloaded, a released assignment taken back', async () => {
      const history = recordedHistory(
        9_200_001n,
        [
          onboarding('C-load', 'T-load'),
          assignment('C-load', 'AS-a', 'O-a', 10.1),
          assignment('C-load', 'AS-b', 'O-b', 89.9),
          assignment('C-load', 'AS-c', 'O-c', 0.1),
          ['consultant-C-load', 'ConsultantReleased', '2026-10-20T00:00:00Z', { assignmentId: 'AS-c' }],
        ],
        IN_2027,
      );
      for (const [table, rows] of projectEvents(history, projectionContextOf(history, new EarlierEventMemory())))
        if (rows.length > 0) await store.insert(table, rows);
      const definition = KPI_CATALOG.find((d) => d.id === 'overload_share')!;
      const actual = await computeKpi(store, {
        definition,
        period: parsePeriod('2026-11'),
        scope: { kind: 'team', id: 'T-load' },
        asOf: new Date('2027-02-01T00:00:00Z'),
        fx: TEST_FX,
      });
      // Five Mondays in November 2026, each loaded 10.1 + 89.9 = 100 exactly.
      expect([actual.value, actual.units]).toEqual([0, 5]);
    });

    it("counts a practice's evidence and names its failing units in id order", async () => {
      const entry = (id: string, category: string, link: Record<string, string>, consultant = 'C-m1'): HistoryEntry => [
        `consultant-${consultant}`,
        'TimeLogged',
        '2027-02-08T00:00:00Z',
        { entryId: id, date: '2027-02-08', hours: 2, category, ...link },
      ];
      const tender = (id: string): HistoryEntry => [
        'tender-' + id,
        'TenderReceived',
        '2027-01-20T00:00:00Z',
        { tenderId: id, opportunityId: 'O-m', kind: 'rfp', issuer: 'Bank', deadline: '2027-03-01T00:00:00Z' },
      ];
      const history = recordedHistory(
        9_400_001n,
        [
          entry('E-m4', 'customer_facing', {}),
          entry('E-m1', 'customer_facing', { opportunityId: 'O-m' }),
          entry('E-m3', 'solution', {}),
          entry('E-m2', 'bid_writing', { activityId: 'A-m' }),
          entry('E-m0', 'internal', {}),
          // Entry ids are only unique in their consultant's stream: this one is another unit.
          entry('E-m4', 'solution', {}, 'C-m2'),
          tender('T-m3'),
          tender('T-m1'),
          tender('T-m2'),
          ['tender-T-m2', 'BidDecisionMade', '2027-01-25T00:00:00Z', { decision: 'bid', rationale: 'fit', score: 80 }],
        ],
        '2027-04-02T00:00:00.000Z',
      );
      await projectInto(store, history);
      const result = await assessMaturity(store, {
        asOf: new Date('2027-05-15T00:00:00Z'),
        windowQuarters: 1,
        threshold: 0.8,
        definitions: KPI_CATALOG,
        fx: TEST_FX,
      });
      const practice = (id: string) =>
        result.areas.flatMap((a) => a.levels.flatMap((l) => l.practices)).find((p) => p.id === id)!;
      // Internal time is not customer-facing, solution or bid-writing time: not a unit.
      expect(practice('resourcing.time_attributed')).toMatchObject({
        units: 5,
        evidence: 2,
        failingUnitIds: ['C-m1/E-m3', 'C-m1/E-m4', 'C-m2/E-m4'],
      });
      expect(practice('bid.decision_recorded')).toMatchObject({
        units: 3,
        evidence: 1,
        failingUnitIds: ['T-m1', 'T-m3'],
      });
      expect(practice('bid.composite_improved').failingUnitIds).toEqual([
        'a window of one quarter: improving needs two or more (window ≥ 2)',
      ]);
      // As of before they were recorded, the window holds none of them.
      const earlier = await assessMaturity(store, {
        asOf: new Date('2027-04-01T00:00:00Z'),
        windowQuarters: 1,
        threshold: 0.8,
        definitions: KPI_CATALOG,
        fx: TEST_FX,
      });
      expect(
        earlier.areas
          .flatMap((a) => a.levels.flatMap((l) => l.practices))
          .find((p) => p.id === 'bid.decision_recorded'),
      ).toMatchObject({ units: 0, evidence: 0, failingUnitIds: [] });
    });

    it('fails only the line of a KPI whose SQL no longer runs, and throws when the store itself fails', async () => {
      await recordOutcomes(
        store,
        9_600_001n,
        'iso',
        ['2027-06-05T00:00:00Z', '2027-06-08T00:00:00Z'],
        '2027-06-10T00:00:00.000Z',
      );
      const hitRate = KPI_CATALOG.find((d) => d.id === 'hit_rate')!;
      const broken = {
        ...hitRate,
        id: 'broken_rate',
        sql: hitRate.sql.replace("outcome = 'awarded'", "outcomee = 'awarded'"),
      };
      const request = {
        definitions: [hitRate, broken],
        period: parsePeriod('2027-06'),
        scope: { kind: 'org' as const },
        asOf: new Date('2027-07-01T00:00:00Z'),
        fx: TEST_FX,
      };
      const card = await buildScorecard(store, request);
      expect(card.lines.map((line) => [line.kpiId, line.do.actual, line.do.units])).toEqual([
        ['hit_rate', 0.5, 2],
        ['broken_rate', null, 0],
      ]);
      expect(card.lines[0]!.do.error).toBeNull();
      expect(card.lines[1]!.do.error).toMatch(/^KPI broken_rate: .*outcomee/);
      expect(card.lines[1]!.check.status).toBe('no_data');
      await expect(buildScorecard(store, { ...request, definitions: [broken] })).rejects.toThrow(/outcomee/);
    });

    it('assesses maturity on empty tables: every practice runs and every area is Initial', async () => {
      const result = await assessMaturity(store, {
        asOf: new Date('2026-08-15T00:00:00Z'),
        windowQuarters: 2,
        threshold: 0.8,
        definitions: KPI_CATALOG,
        fx: TEST_FX,
      });
      expect(result.window).toEqual({
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-07-01T00:00:00.000Z',
        quarters: ['2026-Q1', '2026-Q2'],
      });
      expect(result.areas.map((a) => [a.area, a.level])).toEqual(PROCESS_AREAS.map((area) => [area, 1]));
      const practices = result.areas.flatMap((a) => a.levels.flatMap((l) => l.practices.map((p) => p.id)));
      for (const practice of MATURITY_PRACTICES) expect(practices).toContain(practice.id);
    });
  });
}
