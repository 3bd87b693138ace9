import type { MaturityResponse, ScorecardResponse } from '@presales/contracts';
import { describe, expect, it } from 'vitest';
import { maturityOption } from './maturity.option';
import { compositeSummary, previousQuarter, scorecardRows } from './scorecard-rows';

const line = (over: Partial<ScorecardResponse['lines'][number]> = {}): ScorecardResponse['lines'][number] => ({
  kpiId: 'win_rate',
  version: 1,
  names: { en: 'Win rate', zh: '赢单率' },
  area: 'collaboration',
  unit: 'ratio',
  direction: 'up',
  weight: 3,
  plan: { target: 0.35, source: 'default' },
  do: { actual: 0.3, units: 10, sql: 'SELECT 1', unitsHref: '/api/kpis/win_rate/units?period=2026-Q1', error: null },
  check: { variance: -0.142857, status: 'amber', previousActual: 0.25, trend: 'improving', attainment: 0.857 },
  act: { open: 1, completed: 0, verifiedEffective: 0, verifiedIneffective: 0, actionIds: ['A-1'] },
  ...over,
});
const card = (lines: ScorecardResponse['lines'], composite: ScorecardResponse['composite']): ScorecardResponse => ({
  period: '2026-Q1',
  scope: 'org',
  asOf: '2026-04-01T00:00:00.000Z',
  projectType: null,
  reportingCurrency: 'CNY',
  lines,
  composite,
});

describe('scorecard view model', () => {
  it('formats each line by its unit, with variance, status, trend and actions', () => {
    expect(scorecardRows(card([line()], { score: 0.86, weightedAverage: 0.86, shortBoard: null, excluded: [] }))).toEqual([
      {
        kpi: 'Win rate · 赢单率',
        area: 'collaboration',
        target: '35.0 %',
        actual: '30.0 %',
        variance: '-14.3 %',
        status: 'amber',
        statusText: 'amber',
        trend: '↑ improving',
        actions: '1 open · 0 done · 0 effective',
        unitsHref: '/api/kpis/win_rate/units?period=2026-Q1',
        error: null,
      },
    ]);
  });

  it('says no data, never 0, and formats each unit as the CLI does (libs/kpi formatKpiValue)', () => {
    const rows = scorecardRows(
      card(
        [
          line({ unit: 'ratio', plan: { target: 0, source: 'default' }, do: { ...line().do, actual: null } }),
          line({ unit: 'percent', plan: { target: 25, source: 'default' }, do: { ...line().do, actual: 23.5 } }),
          line({ unit: 'count', plan: { target: 2, source: 'default' }, do: { ...line().do, actual: 1.25 } }),
          line({ unit: 'money', plan: { target: 1234567.8, source: 'default' }, do: { ...line().do, actual: 0 } }),
          line({ do: { ...line().do, actual: null, units: 0, error: 'KPI win_rate: Unknown identifier outcomee' } }),
        ],
        { score: null, weightedAverage: null, shortBoard: null, excluded: [] },
      ),
    );
    expect(rows.map((row) => [row.target, row.actual])).toEqual([
      ['0.0 %', 'no data'],
      ['25.0 %', '23.5 %'],
      ['2.00', '1.25'],
      ['1,234,568', '0'],
      ['35.0 %', 'error'],
    ]);
  });

  it('explains the composite and the short board', () => {
    expect(compositeSummary(card([], { score: null, weightedAverage: null, shortBoard: null, excluded: [] }))).toBe('2026-Q1, org: no data yet for a composite score.');
    expect(compositeSummary(card([], { score: 0.55, weightedAverage: 0.9, shortBoard: { kpiId: 'hit_rate', attainment: 0.3 }, excluded: ['x'] }))).toBe(
      '2026-Q1, org: composite 55.0 % — capped by the weakest KPI (无短板), hit_rate at 30.0 %; 1 KPIs left out (no data, or not judged).',
    );
  });

  it('defaults to the previous complete quarter', () => {
    expect(previousQuarter(new Date('2026-11-27T00:00:00Z'))).toBe('2026-Q3');
    expect(previousQuarter(new Date('2026-02-01T00:00:00Z'))).toBe('2025-Q4');
  });
});

describe('maturityOption', () => {
  it('draws one bar per area with its level and name', () => {
    const result = { asOf: '', window: { from: '', to: '', quarters: [] }, threshold: 0.8, areas: [{ area: 'bid', level: 2, name: 'Repeatable', zh: '重复级', levels: [] }] } as MaturityResponse;
    const option = maturityOption(result);
    expect(option.dataset).toEqual({ dimensions: ['area', 'level', 'name'], source: [{ area: 'bid', level: 2, name: 'Repeatable 重复级' }] });
    expect(option.series).toEqual([expect.objectContaining({ type: 'bar', encode: { y: 'area', x: 'level' } })]);
  });
});
