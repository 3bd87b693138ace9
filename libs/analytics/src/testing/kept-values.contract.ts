import { formatPeriod, KPI_CATALOG, parsePeriod } from '@presales/kpi';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { computeKpis } from '../kpis/compute-kpi.js';
import { KeptKpiValues } from '../kpis/kept/kept-kpi-values.js';
import { refreshKeptValues } from '../kpis/kept/refresh-kept-values.js';
import type { KpiQuery } from '../kpis/kpi-query.js';
import { EarlierEventMemory } from '../projection/earlier-events.js';
import { projectEvents } from '../projection/project-events.js';
import { projectionContextOf } from '../projection/projection-context.js';
import { migrate } from '../schema/migrations.js';
import { QUOTE_LINE, recordedHistory, upcastQuoteDrafted, type HistoryEntry } from './fixtures.js';
import { TEST_FX } from './kpi.contract.js';

const LINE = QUOTE_LINE;
const CNY = (amount: string) => ({ amount, currency: 'CNY' });
const onboarded = (id: string, at: string): HistoryEntry => [
  `consultant-${id}`,
  'ConsultantOnboarded',
  at,
  {
    consultantId: id,
    name: id,
    teamId: 'T-K',
    level: 'senior',
    productLines: ['erp'],
    skills: [],
    weeklyCapacityHours: 40,
    hourlyCost: CNY('100'),
  },
];
const logged = (consultant: string, entry: string, at: string): HistoryEntry => [
  `consultant-${consultant}`,
  'TimeLogged',
  at,
  { entryId: entry, date: at.slice(0, 10), hours: 8, category: 'solution', opportunityId: 'O-K9' },
];

/**
 * What March 2025 holds before anything is recorded late: closures, a demo scheduled, a quote
 * accepted, a consultant on board with hours logged, and hours of one not yet onboarded.
 */
const ON_TIME: readonly HistoryEntry[] = [
  onboarded('C-K3', '2025-01-06T00:00:00Z'),
  [
    'activity-A-K2',
    'ActivityScheduled',
    '2025-02-03T00:00:00Z',
    {
      activityId: 'A-K2',
      opportunityId: 'O-K2',
      kind: 'demo',
      consultantIds: ['C-K3'],
      scheduledFor: '2025-05-06T09:00:00Z',
      plannedHours: 2,
    },
  ],
  [
    'quote-Q-K5',
    'QuoteDrafted',
    '2025-02-04T00:00:00Z',
    { quoteId: 'Q-K5', opportunityId: 'O-K5', tenderId: 'T-K5', currency: 'CNY', lines: [LINE] },
  ],
  [
    'consultant-C-K3',
    'ConsultantAssigned',
    '2025-02-20T00:00:00Z',
    {
      assignmentId: 'AS-K2',
      opportunityId: 'O-K2',
      role: 'support',
      allocationPct: 60,
      from: '2025-03-01',
      to: '2025-03-31',
    },
  ],
  logged('C-K3', 'E-K3', '2025-03-03T00:00:00Z'),
  logged('C-K6', 'E-K6', '2025-03-04T00:00:00Z'),
  ['opportunity-O-K1', 'OpportunityWon', '2025-03-10T00:00:00Z', { amount: CNY('100000') }],
  ['opportunity-O-K2', 'OpportunityWon', '2025-03-12T00:00:00Z', { amount: CNY('200000') }],
  ['opportunity-O-K3', 'OpportunityWon', '2025-03-14T00:00:00Z', { amount: CNY('300000') }],
  ['quote-Q-K5', 'QuoteAccepted', '2025-03-15T00:00:00Z', { revision: 0, contractedAmount: CNY('100') }],
];

/**
 * Recorded in May 2025, each changing March: a KPI that counted it only in the periods from its
 * own business time on would keep March's value as it was.
 */
const RECORDED_LATE: readonly (readonly [kpi: string, entry: HistoryEntry])[] = [
  // A technical win of a deal closed in March.
  [
    'tech_win_to_close',
    ['opportunity-O-K1', 'TechnicalDecisionRecorded', '2025-05-05T00:00:00Z', { outcome: 'technical_win' }],
  ],
  // The demo of a deal won in March, completed after it.
  [
    'demo_to_win',
    [
      'activity-A-K2',
      'ActivityCompleted',
      '2025-05-06T00:00:00Z',
      { actualHours: 2, outcome: 'positive', usedAssetIds: [] },
    ],
  ],
  // An assignment to a deal won in March, made after it.
  [
    'influenced_revenue_per_consultant',
    [
      'consultant-C-K3',
      'ConsultantAssigned',
      '2025-05-07T00:00:00Z',
      {
        assignmentId: 'AS-K3',
        opportunityId: 'O-K3',
        role: 'lead',
        allocationPct: 50,
        from: '2025-02-01',
        to: '2025-02-28',
      },
    ],
  ],
  // An assignment whose span, March, begins before it was made: C-K3 loaded 130 % with the one before.
  [
    'overload_share',
    [
      'consultant-C-K3',
      'ConsultantAssigned',
      '2025-05-08T00:00:00Z',
      {
        assignmentId: 'AS-K4',
        opportunityId: 'O-K4',
        role: 'lead',
        allocationPct: 70,
        from: '2025-03-01',
        to: '2025-03-31',
      },
    ],
  ],
  // A quote accepted in March, revised after.
  [
    'quote_revisions',
    [
      'quote-Q-K5',
      'QuoteRevised',
      '2025-05-09T00:00:00Z',
      { revision: 1, lines: [{ ...LINE, discountPct: '0' }], reason: 'late change' },
    ],
  ],
  // A consultant whose March hours were logged before the onboarding was.
  ['utilization', onboarded('C-K6', '2025-05-10T00:00:00Z')],
];

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const PERIODS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-Q1', '2025-Q2'].map(parsePeriod);
const NOW = new Date('2025-05-31T00:00:00Z');

/**
 * KPI values kept per period (decision 0054) on this engine: every catalog KPI's kept values equal
 * `computeKpis` after rows recorded late change periods before their own business time, which
 * each KPI's declaration must name (periodChangesOf). Each late row is projected alone and changes
 * its KPI's March value, so removing the declaration it needs fails here.
 */
export function describeKeptValuesContract(openStore: () => Promise<AnalyticsStore>): void {
  describe('KPI values kept per period', () => {
    let store: AnalyticsStore;
    beforeAll(async () => {
      store = await openStore();
      await migrate(store);
    });

    it('keeps every KPI equal to computing it when rows recorded late change earlier periods', async () => {
      let checkpoint = 0n;
      const kept = await KeptKpiValues.open(store, () => checkpoint);
      const memory = new EarlierEventMemory();
      const questions = PERIODS.flatMap((period) =>
        KPI_CATALOG.map((definition): KpiQuery => ({
          definition,
          period,
          scope: { kind: 'org' },
          asOf: NOW,
          fx: TEST_FX,
          wholeTables: true,
        })),
      );
      const project = async (entries: readonly HistoryEntry[]) => {
        const events = recordedHistory(checkpoint + 1n, entries).map(upcastQuoteDrafted);
        for (const [table, rows] of projectEvents(events, projectionContextOf(events, memory)))
          if (rows.length > 0) await store.insert(table, rows);
        checkpoint = events.at(-1)!.position;
        return refreshKeptValues(store, kept, KPI_CATALOG, TEST_FX, { checkpoint, now: NOW });
      };
      const keptValues = async () => {
        const values = await kept.read(questions);
        expect(values.size).toBe(questions.length);
        return questions.map((_, i) => values.get(i)!);
      };
      const first = await project(ON_TIME);
      expect(first.computed).toBe(questions.length);
      // Each late row alone, so that no other row's declaration computes its periods for it.
      for (const [kpi, entry] of RECORDED_LATE) {
        const before = await keptValues();
        const refreshed = await project([entry]);
        // Its business time is in May: May, Q2 and the periods declared are computed again, not all.
        expect(refreshed.computed, kpi).toBeLessThan(questions.length);
        const after = await keptValues();
        const computed = await computeKpis(store, questions);
        const differ = questions.flatMap((question, i) =>
          close(after[i]!.value, computed[i]!.value) && after[i]!.units === computed[i]!.units
            ? []
            : [
                `${question.definition.id} ${formatPeriod(question.period)}: kept ${after[i]!.value} ≠ ${computed[i]!.value}`,
              ],
        );
        expect(differ, `after the late row of ${kpi}`).toEqual([]);
        // The row did change its KPI's March value: the declaration it needs is exercised.
        const march = questions.findIndex((q) => q.definition.id === kpi && formatPeriod(q.period) === '2025-03');
        expect(after[march]!.value, kpi).not.toEqual(before[march]!.value);
      }
      // As of a moment: kept values answer where every row they reflect was recorded by then.
      const asOf = (moment: string) =>
        questions.map((question) => ({ ...question, asOf: new Date(moment), wholeTables: false }));
      const beforeLate = asOf('2025-05-01T00:00:00Z');
      const answered = await kept.read(beforeLate);
      const computedThen = await computeKpis(store, beforeLate);
      for (const [i, actual] of answered)
        expect(close(actual.value, computedThen[i]!.value), `${beforeLate[i]!.definition.id} as of May 1`).toBe(true);
      const late = new Set(RECORDED_LATE.map(([kpi]) => kpi));
      const notAnswered = new Set(
        beforeLate.flatMap((question, i) => (answered.has(i) ? [] : [question.definition.id])),
      );
      for (const kpi of late) expect(notAnswered, `${kpi} reads a row recorded after May 1`).toContain(kpi);
      expect(answered.size, 'KPIs whose rows were all recorded by May 1').toBeGreaterThan(0);
      expect((await kept.read(asOf('2025-06-01T00:00:00Z'))).size).toBe(questions.length);
      // After a restart, the states are read back from the tables: the same values, the same moments.
      const reopened = await KeptKpiValues.open(store, () => checkpoint);
      expect([...(await reopened.read(questions)).values()].map((actual) => actual.value)).toEqual(
        [...(await kept.read(questions)).values()].map((actual) => actual.value),
      );
      expect([...(await reopened.read(beforeLate)).keys()]).toEqual([...answered.keys()]);
    });
  });
}
