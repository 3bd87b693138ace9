import { describe, expect, it } from 'vitest';
import { oracleKpi } from '../oracle.js';
import { oracleQuery } from '../testing/query.js';
import { Scenario } from '../testing/scenario.js';

/**
 * c1 team-a erp, 100 CNY/h, onboarded 2026-01-01     c2 team-b crm, 20 USD/h, onboarded 2026-01-01
 * c3 team-a erp, onboarded 2026-04-01               c4 team-b erp+crm, offboarded 2026-03-01 00:00
 * Assignments: c1 → O1 60 %, c2 → O1 20 % + 20 %, c1 → O2 50 %, c3 → O3 100 % (recorded 04-01).
 * Won in March: O1 1000 CNY (erp), O2 100 USD = 710 CNY (crm), O3 500 CNY (erp), O4 300 CNY (crm,
 * nobody assigned). O5 is won in April.
 * Time logged in March: c1 10 h customer_facing + 5 h internal (1500 CNY), c2 10 h (200 USD = 1420 CNY).
 */
function performance(): Scenario {
  return new Scenario()
    .consultant('c1', '2026-01-01T00:00:00Z', { teamId: 'team-a', productLines: ['erp'], hourlyCost: '100 CNY' })
    .consultant('c2', '2026-01-01T00:00:00Z', { teamId: 'team-b', productLines: ['crm'], hourlyCost: '20 USD' })
    .consultant('c4', '2026-01-01T00:00:00Z', { teamId: 'team-b', productLines: ['erp', 'crm'] })
    .offboarded('c4', '2026-03-01T00:00:00Z')
    .opportunity('O1', '2026-02-01T00:00:00Z', { productLines: ['erp'] })
    .opportunity('O2', '2026-02-01T00:00:00Z', { productLines: ['crm'] })
    .opportunity('O3', '2026-02-01T00:00:00Z', { productLines: ['erp'] })
    .opportunity('O4', '2026-02-01T00:00:00Z', { productLines: ['crm'] })
    .opportunity('O5', '2026-02-01T00:00:00Z', { productLines: ['erp'] })
    .assigned('c1', 'X1', 'O1', 60, '2026-02-01', '2026-03-31', '2026-02-01T00:00:00Z')
    .assigned('c2', 'X2', 'O1', 20, '2026-02-01', '2026-02-28', '2026-02-01T00:00:00Z')
    .assigned('c2', 'X3', 'O1', 20, '2026-03-01', '2026-03-31', '2026-02-01T00:00:00Z')
    .assigned('c1', 'X4', 'O2', 50, '2026-02-01', '2026-03-31', '2026-02-01T00:00:00Z')
    .timeLogged('c1', 'E1', 10, 'customer_facing', '2026-03-05T18:00:00Z')
    .timeLogged('c1', 'E2', 5, 'internal', '2026-03-06T18:00:00Z')
    .timeLogged('c2', 'E3', 10, 'solution', '2026-03-07T18:00:00Z')
    .timeLogged('c1', 'E4', 8, 'solution', '2026-04-07T18:00:00Z')
    .won('O1', '1000 CNY', '2026-03-10T00:00:00Z')
    .won('O2', '100 USD', '2026-03-11T00:00:00Z')
    .won('O3', '500 CNY', '2026-03-12T00:00:00Z')
    .won('O4', '300 CNY', '2026-03-13T00:00:00Z')
    .consultant('c3', '2026-04-01T00:00:00Z', { teamId: 'team-a', productLines: ['erp'] })
    .assigned('c3', 'X5', 'O3', 100, '2026-04-01', '2026-04-30', '2026-04-01T00:00:00Z')
    .won('O5', '200 CNY', '2026-04-10T00:00:00Z');
}

describe('influenced_revenue_per_consultant: allocation-weighted won amounts ÷ consultants onboarded in P', () => {
  const events = performance().events;

  it('splits each won amount by allocation over all consultants', () => {
    // org: 1000 + 710 + 500 (+ 0 for O4) over c1, c2 (c3 joins in April, c4 left on March 1).
    expect(oracleKpi('influenced_revenue_per_consultant', events, oracleQuery('2026-03'))).toBeCloseTo(2210 / 2, 9);
    // team-a (c1, c3): 1000 × 60/100 + 710 × 50/50 + 500 × 100/100, over c1.
    expect(
      oracleKpi(
        'influenced_revenue_per_consultant',
        events,
        oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } }),
      ),
    ).toBeCloseTo(1810, 9);
    // team-b (c2, c4): 1000 × 40/100, over c2.
    expect(
      oracleKpi(
        'influenced_revenue_per_consultant',
        events,
        oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-b' } }),
      ),
    ).toBeCloseTo(400, 9);
    expect(
      oracleKpi(
        'influenced_revenue_per_consultant',
        events,
        oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'erp' } }),
      ),
    ).toBeCloseTo(1810, 9);
  });

  it('knows only assignments recorded by asOf', () => {
    // On March 31, c3's assignment to O3 is not recorded: O3 adds 0.
    expect(
      oracleKpi('influenced_revenue_per_consultant', events, oracleQuery('2026-03', { asOf: '2026-03-31T00:00:00Z' })),
    ).toBeCloseTo(1710 / 2, 9);
  });

  it('is null without consultants onboarded in P', () => {
    expect(
      oracleKpi(
        'influenced_revenue_per_consultant',
        events,
        oracleQuery('2026-03', { scope: { kind: 'consultant', id: 'c3' } }),
      ),
    ).toBeNull();
    expect(
      oracleKpi(
        'influenced_revenue_per_consultant',
        events,
        oracleQuery('2026-03', { scope: { kind: 'consultant', id: 'c4' } }),
      ),
    ).toBeNull();
    expect(oracleKpi('influenced_revenue_per_consultant', events, oracleQuery('2026-05'))).toBe(0); // consultants, but nothing won
  });
});

describe('presales_cost_ratio: Σ hours × hourlyCost ÷ Σ won amount, in P', () => {
  const events = performance().events;

  it('converts costs and amounts to the reporting currency', () => {
    expect(oracleKpi('presales_cost_ratio', events, oracleQuery('2026-03'))).toBeCloseTo(2920 / 2510, 12);
    // crm: c2 and c4; O2 and O4.
    expect(
      oracleKpi('presales_cost_ratio', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } })),
    ).toBeCloseTo(1420 / 1010, 12);
    // team-a: c1 (and c3); O1, O2, O3 through their assignments.
    expect(
      oracleKpi('presales_cost_ratio', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } })),
    ).toBeCloseTo(1500 / 2210, 12);
    expect(oracleKpi('presales_cost_ratio', events, oracleQuery('2026-04'))).toBeCloseTo(800 / 200, 12);
  });

  it('is null without won amount', () => {
    expect(oracleKpi('presales_cost_ratio', events, oracleQuery('2026-05'))).toBeNull();
    expect(
      oracleKpi('presales_cost_ratio', events, oracleQuery('2026-03', { scope: { kind: 'consultant', id: 'c4' } })),
    ).toBeNull();
  });
});

describe('corrective_action_closure: completed by dueAt ÷ actions due in P', () => {
  /**
   * AC1 org, due 03-10, completed 03-09 (recorded 04-05); AC2 team-a, due 03-20, completed 03-21;
   * AC3 team-a, due 03-25, open; AC4 team-b, due 03-31 23:59:59, completed exactly then;
   * AC5 org, due 04-10, completed 03-01.
   */
  const events = new Scenario()
    .actionRaised('AC1', 'win_rate', '2026-02', { kind: 'org' }, '2026-03-10T00:00:00Z', '2026-03-01T00:00:00Z')
    .actionRaised(
      'AC2',
      'hit_rate',
      '2026-02',
      { kind: 'team', id: 'team-a' },
      '2026-03-20T00:00:00Z',
      '2026-03-01T00:00:00Z',
    )
    .actionRaised(
      'AC3',
      'hit_rate',
      '2026-02',
      { kind: 'team', id: 'team-a' },
      '2026-03-25T00:00:00Z',
      '2026-03-01T00:00:00Z',
    )
    .actionRaised(
      'AC4',
      'utilization',
      '2026-02',
      { kind: 'team', id: 'team-b' },
      '2026-03-31T23:59:59Z',
      '2026-03-01T00:00:00Z',
    )
    .actionRaised('AC5', 'win_rate', '2026-02', { kind: 'org' }, '2026-04-10T00:00:00Z', '2026-02-20T00:00:00Z')
    .actionCompleted('AC5', '2026-03-01T00:00:00Z')
    .actionCompleted('AC1', { at: '2026-03-09T00:00:00Z', recordedAt: '2026-04-05T00:00:00Z' })
    .actionCompleted('AC2', '2026-03-21T00:00:00Z')
    .actionCompleted('AC4', '2026-03-31T23:59:59Z').events;

  it('buckets by dueAt and counts completion exactly at dueAt', () => {
    expect(oracleKpi('corrective_action_closure', events, oracleQuery('2026-03'))).toBe(2 / 4);
    expect(
      oracleKpi('corrective_action_closure', events, oracleQuery('2026-03', { asOf: '2026-04-01T00:00:00Z' })),
    ).toBe(1 / 4);
    expect(oracleKpi('corrective_action_closure', events, oracleQuery('2026-04'))).toBe(1);
  });

  it('matches the action scope exactly outside org', () => {
    expect(
      oracleKpi('corrective_action_closure', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } })),
    ).toBe(0);
    expect(
      oracleKpi('corrective_action_closure', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-b' } })),
    ).toBe(1);
    expect(
      oracleKpi(
        'corrective_action_closure',
        events,
        oracleQuery('2026-03', { scope: { kind: 'consultant', id: 'c1' } }),
      ),
    ).toBeNull();
  });
});
