import type { KpiCatalogEntry, MaturityResponse, ScorecardLine, ScorecardResponse } from '@presales/contracts';
import { describe, expect, it } from 'vitest';
import { movesMaturity, whatIfMaturity } from './what-if-maturity';

/** One quotation KPI's line of a quarter's org scorecard. */
const line = (over: {
  actual: number;
  target: number;
  status: ScorecardLine['check']['status'];
  attainment: number;
  source?: ScorecardLine['plan']['source'];
  effective?: number;
}): ScorecardLine => ({
  kpiId: 'quote_margin',
  version: 1,
  names: { en: 'Quote margin', zh: '报价毛利率' },
  area: 'quotation',
  unit: 'ratio',
  direction: 'up',
  weight: 1,
  plan: { target: over.target, source: over.source ?? 'target_set' },
  do: { actual: over.actual, units: 10, sql: 'SELECT 1', unitsHref: '/api/kpis/quote_margin/units', error: null },
  check: { variance: 0, status: over.status, previousActual: null, trend: 'no_data', attainment: over.attainment },
  act: { open: 0, completed: 0, verifiedEffective: over.effective ?? 0, verifiedIneffective: 0, actionIds: [] },
});
const card = (period: string, lines: ScorecardLine[]): ScorecardResponse => ({
  period,
  scope: 'org',
  asOf: '2026-10-01T00:00:00Z',
  projectType: null,
  reportingCurrency: 'CNY',
  lines,
  composite: { score: null, weightedAverage: null, shortBoard: null, excluded: [] },
});
const catalog = [
  { id: 'quote_margin', tolerance: { green: 0.05, amber: 0.15 }, projectTypeOverrides: {} },
] as unknown as KpiCatalogEntry[];

/** Quotation's records pass levels 2 and 3 (the API's evidence); `level` is what the API answered. */
const maturity = (level: number): MaturityResponse => {
  const practice = (id: string, practiceLevel: 2 | 3) => ({
    id,
    level: practiceLevel,
    description: id,
    meaning: { en: id, zh: id },
    unitsOfWork: { en: 'units', zh: '单位' },
    whenNoUnits: 'fails' as const,
    evidence: 5,
    units: 5,
    share: 1,
    threshold: 0.8,
    passed: true,
    failingUnitIds: [],
  });
  const levels = [
    { level: 2, practices: [practice('quotation.approval_requested', 2)] },
    {
      level: 3,
      practices: [practice('quotation.standard_published', 3), practice('quotation.approved_as_requested', 3)],
    },
  ].map((l) => ({ ...l, name: '', zh: '', practicesPass: true, satisfied: true }));
  return {
    asOf: '2026-10-01T00:00:00.000Z',
    window: { from: '2026-04-01', to: '2026-10-01', quarters: ['2026-Q2', '2026-Q3'] },
    threshold: 0.8,
    areas: [{ area: 'quotation', level, name: '', zh: '', levels }],
  };
};

describe('what-if maturity', () => {
  const q2 = card('2026-Q2', [line({ actual: 0.18, target: 0.2, status: 'amber', attainment: 0.9, effective: 1 })]);
  const q3 = card('2026-Q3', [line({ actual: 0.1, target: 0.2, status: 'red', attainment: 0.5 })]);

  it('judges the API’s scorecards as the API did when nothing is edited', () => {
    // Targeted and measured (level 4), but Q3's red KPI has no action and the composite fell.
    expect(
      whatIfMaturity(maturity(4), [q2, q3], catalog, { period: '2026-Q3', edits: { targets: {}, weights: {} } }),
    ).toEqual([{ area: 'quotation', before: 4, after: 4, changed: false }]);
  });

  it('reaches level 5 when a target the KPI meets leaves no red KPI and the composite improving', () => {
    const edits = { targets: { quote_margin: 0.1 }, weights: {} };
    expect(whatIfMaturity(maturity(4), [q2, q3], catalog, { period: '2026-Q3', edits })).toEqual([
      { area: 'quotation', before: 4, after: 5, changed: true },
    ]);
    // The same edit to a quarter outside the window changes nothing.
    expect(whatIfMaturity(maturity(4), [q2, q3], catalog, { period: '2026-Q4', edits })[0]!.after).toBe(4);
  });

  it('counts a target set here as set: level 4 once every KPI-quarter has one', () => {
    const untargeted = card('2026-Q3', [
      line({ actual: 0.2, target: 0.2, status: 'green', attainment: 1, source: 'default' }),
    ]);
    const edited = (targets: Record<string, number | null>) =>
      whatIfMaturity(maturity(3), [q2, untargeted], catalog, { period: '2026-Q3', edits: { targets, weights: {} } });
    expect(edited({})[0]!.after).toBe(3);
    expect(edited({ quote_margin: 0.2 })[0]!.after).toBeGreaterThanOrEqual(4);
  });

  it('moves maturity only for the org’s targets of a quarter in the window', () => {
    expect(movesMaturity(maturity(4), { period: '2026-Q3', scope: 'org', projectType: null })).toBe(true);
    expect(movesMaturity(maturity(4), { period: '2026-Q3', scope: 'team:T-1', projectType: null })).toBe(false);
    expect(movesMaturity(maturity(4), { period: '2026-Q3', scope: 'org', projectType: 'standard' })).toBe(false);
    expect(movesMaturity(maturity(4), { period: '2026-09', scope: 'org', projectType: null })).toBe(false);
  });
});
