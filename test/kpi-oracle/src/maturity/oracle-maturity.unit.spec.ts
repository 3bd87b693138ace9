import { KPI_CATALOG, MATURITY_PRACTICES } from '@presales/kpi';
import { describe, expect, it } from 'vitest';
import { peopleClimbsToLevel5 } from '../testing/maturity-scenarios.js';
import { TEST_FX } from '../testing/query.js';
import { Scenario } from '../testing/scenario.js';
import { oracleMaturity, type MaturityQuery } from './oracle-maturity.js';
import { ORACLE_RECORD_PRACTICE_IDS } from './record-practices.js';
import { maturityWindow } from './window.js';

const query = (asOf: string, windowQuarters = 2): MaturityQuery => ({
  asOf,
  windowQuarters,
  threshold: 0.8,
  definitions: KPI_CATALOG,
  fx: TEST_FX,
});
const practice = (result: ReturnType<typeof oracleMaturity>, id: string) =>
  result.areas.flatMap((a) => a.practices).find((p) => p.id === id)!;

describe('the maturity oracle', () => {
  it('has its own rule for every practice of levels 2 and 3, and none the platform lacks', () => {
    const platform = MATURITY_PRACTICES.map((p) => p.id).filter((id) => !id.endsWith('.standard_published'));
    expect([...ORACLE_RECORD_PRACTICE_IDS].sort()).toEqual([...platform].sort());
  });

  it('looks at the quarters before the one asOf is in', () => {
    expect(maturityWindow(Date.parse('2026-02-10T00:00:00Z'), 2)).toEqual({
      quarters: ['2025-Q3', '2025-Q4'],
      fromMs: Date.parse('2025-07-01T00:00:00Z'),
      toMs: Date.parse('2026-01-01T00:00:00Z'),
    });
    expect(maturityWindow(Date.parse('2026-01-01T00:00:00Z'), 1).quarters).toEqual(['2025-Q4']);
  });

  it('climbs the people area to level 5 on targets, a red quarter with an effective action, and an improving composite', () => {
    const result = oracleMaturity(peopleClimbsToLevel5().events, query('2026-07-15T00:00:00Z'));
    const people = result.areas.find((a) => a.area === 'people')!;
    expect(people.level).toBe(5);
    expect(practice(result, 'people.growth_goals_set')).toMatchObject({ units: 1, evidence: 1, passed: true });
    expect(practice(result, 'people.skills_certified')).toMatchObject({ units: 3, evidence: 3, passed: true });
    expect(practice(result, 'people.kpis_targeted_and_measured')).toMatchObject({
      units: 2,
      evidence: 2,
      threshold: 1,
      passed: true,
    });
    expect(practice(result, 'people.red_kpis_get_actions')).toMatchObject({ units: 1, evidence: 1, passed: true });
    expect(practice(result, 'people.actions_effective')).toMatchObject({
      units: 1,
      evidence: 1,
      threshold: 0.5,
      passed: true,
    });
    expect(practice(result, 'people.composite_improved')).toMatchObject({ units: 1, evidence: 1, passed: true });
  });

  it('holds the area at level 4 while its only action is not yet verified as of the moment asked', () => {
    const result = oracleMaturity(peopleClimbsToLevel5().events, query('2026-07-05T00:00:00Z'));
    expect(result.areas.find((a) => a.area === 'people')!.level).toBe(4);
    expect(practice(result, 'people.actions_effective')).toMatchObject({ units: 0, passed: false });
  });

  it('cannot see improvement in a window of one quarter', () => {
    const result = oracleMaturity(peopleClimbsToLevel5().events, query('2026-07-15T00:00:00Z', 1));
    expect(practice(result, 'people.composite_improved')).toMatchObject({ units: 1, evidence: 0, passed: false });
    expect(result.areas.find((a) => a.area === 'people')!.level).toBe(4);
  });

  it('applies the staged rule: passing level-3 practices do not count over a failing level 2', () => {
    // No growth goal: level 2 fails, while the standard and certification (level 3) would pass.
    const scenario = new Scenario()
      .consultant('c1', '2025-06-01T00:00:00Z')
      .standard('people', 1, '2025-12-01T00:00:00Z')
      .skillCertified('c1', '2026-01-20T00:00:00Z');
    const result = oracleMaturity(scenario.events, query('2026-07-15T00:00:00Z'));
    expect(practice(result, 'people.growth_goals_set')).toMatchObject({
      units: 1,
      evidence: 0,
      passed: false,
      failingUnitIds: ['c1'],
    });
    expect(practice(result, 'people.standard_published').passed).toBe(true);
    expect(result.areas.find((a) => a.area === 'people')!.level).toBe(1);
  });
});
