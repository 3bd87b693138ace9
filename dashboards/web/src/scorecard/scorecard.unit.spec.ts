import type { KpiCatalogEntry, ScorecardLine, ScorecardResponse } from '@presales/contracts';
import { describe, expect, it } from 'vitest';
import { decimalString, newActionId, scopeObject, targetPayload } from './action-forms';
import { redFirst, statusCounts, unitsRoute, whatIf } from './scorecard-model';

const line = (
  kpiId: string,
  over: {
    actual?: number | null;
    target?: number | null;
    weight?: number;
    status?: ScorecardLine['check']['status'];
    direction?: ScorecardLine['direction'];
    units?: number;
  } = {},
): ScorecardLine => ({
  kpiId,
  version: 1,
  names: { en: kpiId, zh: kpiId },
  area: 'bid',
  unit: 'ratio',
  direction: over.direction ?? 'up',
  weight: over.weight ?? 1,
  plan: { target: over.target === undefined ? 0.5 : over.target, source: 'default' },
  do: {
    actual: over.actual === undefined ? 0.5 : over.actual,
    units: over.units ?? 10,
    sql: 'SELECT 1',
    unitsHref: `/api/kpis/${kpiId}/units?period=2026-Q3&scope=org&version=1`,
    error: null,
  },
  check: { variance: 0, status: over.status ?? 'green', previousActual: null, trend: 'no_data', attainment: 1 },
  act: { open: 0, completed: 0, verifiedEffective: 0, verifiedIneffective: 0, actionIds: [] },
});
const card = (lines: ScorecardLine[]): ScorecardResponse => ({
  period: '2026-Q3',
  scope: 'org',
  asOf: '2026-10-01T00:00:00Z',
  projectType: null,
  reportingCurrency: 'CNY',
  lines,
  composite: { score: null, weightedAverage: null, shortBoard: null, excluded: [] },
});
const catalog = (ids: string[]): KpiCatalogEntry[] =>
  ids.map(
    (id) => ({ id, tolerance: { green: 0.05, amber: 0.15 }, projectTypeOverrides: {} }) as unknown as KpiCatalogEntry,
  );

describe('scorecard model', () => {
  it('puts red first, then amber, green, no data and context, the heaviest first within each', () => {
    const lines = [
      line('a', { status: 'green', weight: 3 }),
      line('b', { status: 'red', weight: 1 }),
      line('c', { status: 'context' }),
      line('d', { status: 'red', weight: 2 }),
      line('e', { status: 'amber' }),
    ];
    expect(redFirst(lines).map((l) => l.kpiId)).toEqual(['d', 'b', 'e', 'a', 'c']);
    expect(statusCounts(lines)).toEqual({ red: 2, amber: 1, green: 1, no_data: 0, context: 1 });
  });

  it('turns the API’s units link into the app’s drill-down route, keeping version and asOf', () => {
    expect(
      unitsRoute('/api/kpis/win_rate/units?period=2026-Q3&scope=team%3At-1&version=2&asOf=2026-10-01T00%3A00%3A00Z'),
    ).toEqual({
      name: 'units',
      params: { kpiId: 'win_rate' },
      query: { period: '2026-Q3', scope: 'team:t-1', version: '2', asOf: '2026-10-01T00:00:00Z' },
    });
  });
});

describe('what-if', () => {
  const lines = [
    line('win', { actual: 0.3, target: 0.5, weight: 1, status: 'red' }),
    line('hit', { actual: 0.6, target: 0.5, weight: 1 }),
    line('ctx', { direction: 'context', target: null }),
    line('none', { units: 0, actual: 0 }),
  ];
  const cards = card(lines);

  it('recomputes the composite with libs/kpi: weighted attainment, capped by the weakest + 0.25', () => {
    const result = whatIf(cards, catalog(['win', 'hit', 'ctx', 'none']), { targets: {}, weights: {} });
    // attainments 0.6 and 1.2 → average 0.9, capped at 0.6 + 0.25
    expect(result.composite.score).toBeCloseTo(0.85);
    expect(result.composite.shortBoard?.kpiId).toBe('win');
    expect(result.composite.excluded).toEqual(['ctx', 'none']);
  });

  it('a lower target turns a red KPI green and lifts the composite; weights move the average', () => {
    const result = whatIf(cards, catalog(['win', 'hit', 'ctx', 'none']), {
      targets: { win: 0.3 },
      weights: { hit: 3 },
    });
    expect(result.lines[0]).toMatchObject({ kpiId: 'win', target: 0.3, status: 'green', changed: true });
    // attainments 1 (w 1) and 1.2 (w 3) → 1.15, under the cap of 1.25
    expect(result.composite.score).toBeCloseTo(1.15);
    expect(result.composite.shortBoard).toBeNull();
  });

  it('a target removed leaves the KPI without a status', () => {
    expect(whatIf(cards, catalog([]), { targets: { win: null }, weights: {} }).lines[0]!.status).toBe('no_data');
  });
});

describe('action forms', () => {
  it('names a new action after its KPI and day', () => {
    expect(newActionId('win_rate', new Date('2026-12-06T10:00:00Z'), () => 0.5)).toMatch(
      /^ca-win-rate-20261206-[0-9a-z]{4}$/,
    );
  });
  it('sends decimals as strings without float noise', () => {
    expect(decimalString(0.1 + 0.2)).toBe('0.3');
    expect(targetPayload('win_rate', '2026-Q3', 'org', 0.45)).toEqual({
      kpiId: 'win_rate',
      period: '2026-Q3',
      scope: { kind: 'org' },
      target: '0.45',
    });
    expect(scopeObject('product_line:erp')).toEqual({ kind: 'product_line', id: 'erp' });
  });
});
