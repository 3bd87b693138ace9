import { describe, expect, it } from 'vitest';
import { oracleKpi } from '../oracle.js';
import { oracleQuery } from '../testing/query.js';
import { Scenario } from '../testing/scenario.js';

/**
 * A1 poc on O1 completed 03-02, criteria 5/5, satisfaction 5; A2 poc on O1 completed 03-03, 3/5,
 * satisfaction 3; A3 poc on O2 completed 03-04 without criteria; A4 demo on O2 completed 02-10,
 * satisfaction 4; A5 demo on O3 completed 03-20, satisfaction 2; A6 workshop on O4 completed
 * 03-21, satisfaction 4; A7 demo on O5 completed 03-28, after O5 was lost.
 * Closed in March: O1 won, O2 lost, O3 won, O4 won, O5 lost. c1 (team-a) is assigned to O1.
 */
function activities(): Scenario {
  const scenario = new Scenario().consultant('c1', '2026-01-01T00:00:00Z', { teamId: 'team-a' });
  for (const [id, line] of [
    ['O1', 'erp'],
    ['O2', 'crm'],
    ['O3', 'crm'],
    ['O4', 'erp'],
    ['O5', 'erp'],
  ] as const)
    scenario.opportunity(id, '2026-01-15T00:00:00Z', { productLines: [line] });
  return scenario
    .assigned('c1', 'X1', 'O1', 50, '2026-02-01', '2026-03-31', '2026-02-01T00:00:00Z')
    .activity('A1', 'O1', 'poc', '2026-02-20T00:00:00Z')
    .activityCompleted('A1', '2026-03-02T00:00:00Z', {
      pocCriteriaMet: 5,
      pocCriteriaTotal: 5,
      customerSatisfaction: 5,
    })
    .activity('A2', 'O1', 'poc', '2026-02-20T00:00:00Z')
    .activityCompleted('A2', '2026-03-03T00:00:00Z', {
      pocCriteriaMet: 3,
      pocCriteriaTotal: 5,
      customerSatisfaction: 3,
    })
    .activity('A3', 'O2', 'poc', '2026-02-20T00:00:00Z')
    .activityCompleted('A3', '2026-03-04T00:00:00Z')
    .activity('A4', 'O2', 'demo', '2026-02-01T00:00:00Z')
    .activityCompleted('A4', '2026-02-10T00:00:00Z', { customerSatisfaction: 4 })
    .activity('A5', 'O3', 'demo', '2026-03-01T00:00:00Z')
    .activityCompleted('A5', '2026-03-20T00:00:00Z', { customerSatisfaction: 2 })
    .activity('A6', 'O4', 'workshop', '2026-03-01T00:00:00Z')
    .activityCompleted(
      'A6',
      { at: '2026-03-21T00:00:00Z', recordedAt: '2026-04-03T00:00:00Z' },
      { customerSatisfaction: 4 },
    )
    .activity('A7', 'O5', 'demo', '2026-03-01T00:00:00Z')
    .won('O1', '10 CNY', '2026-03-10T00:00:00Z')
    .lost('O2', '2026-03-15T00:00:00Z')
    .won('O3', '10 CNY', '2026-03-25T00:00:00Z')
    .won('O4', '10 CNY', '2026-03-22T00:00:00Z')
    .lost('O5', '2026-03-10T00:00:00Z')
    .activityCompleted('A7', '2026-03-28T00:00:00Z');
}

describe('poc_success_rate: PoCs with every criterion met ÷ PoCs completed in P', () => {
  const events = activities().events;
  it('needs pocCriteriaTotal > 0 and met = total', () => {
    // A1 yes; A2 (3/5) and A3 (no criteria) no.
    expect(oracleKpi('poc_success_rate', events, oracleQuery('2026-03'))).toBe(1 / 3);
    expect(
      oracleKpi('poc_success_rate', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } })),
    ).toBe(1 / 2);
    expect(
      oracleKpi('poc_success_rate', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } })),
    ).toBe(0);
    expect(oracleKpi('poc_success_rate', events, oracleQuery('2026-02'))).toBeNull();
  });
});

describe('demo_to_win: won ÷ opportunities closed in P with a completed demo', () => {
  const events = activities().events;
  it('counts a demo completed at any time', () => {
    // O2 (demo in February) lost, O3 won, O5 (demo completed after losing) lost.
    expect(oracleKpi('demo_to_win', events, oracleQuery('2026-03'))).toBe(1 / 3);
    // At 03-27 O5's demo is not completed yet: O2 lost, O3 won.
    expect(oracleKpi('demo_to_win', events, oracleQuery('2026-03', { asOf: '2026-03-27T00:00:00Z' }))).toBe(1 / 2);
  });

  it('is null without such opportunities', () => {
    expect(
      oracleKpi('demo_to_win', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } })),
    ).toBeNull(); // O1: PoCs only
  });
});

describe('customer_satisfaction: mean customerSatisfaction of activities completed in P', () => {
  const events = activities().events;
  it('averages the completions that carry a score', () => {
    expect(oracleKpi('customer_satisfaction', events, oracleQuery('2026-03'))).toBe((5 + 3 + 2 + 4) / 4);
    expect(oracleKpi('customer_satisfaction', events, oracleQuery('2026-Q1'))).toBe((5 + 3 + 2 + 4 + 4) / 5);
    expect(
      oracleKpi('customer_satisfaction', events, oracleQuery('2026-03', { asOf: '2026-04-01T00:00:00Z' })),
    ).toBeCloseTo(10 / 3, 12);
    expect(
      oracleKpi('customer_satisfaction', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } })),
    ).toBe(4);
    expect(oracleKpi('customer_satisfaction', events, oracleQuery('2026-04'))).toBeNull();
  });
});
