import { describe, expect, it } from 'vitest';
import { oracleKpi } from '../oracle.js';
import { oracleQuery } from '../testing/query.js';
import { Scenario } from '../testing/scenario.js';

/**
 * Decided in 2026-03:  O1 won 100 USD (710 CNY), with a demo completed before closing
 *                      O2 lost, estimated 200 EUR (1540 CNY)
 *                      O3 won 300 CNY, recorded late (2026-04-10)
 *                      O6 lost, estimated 100 CNY, its activity completed only after closing
 * Not decided in 2026-03: O4 qualified out 03-12; O5 lost 2026-04-02.
 * c1 (team-a) is assigned to O1 and O2; c2 (team-b) to O3.
 */
function deals(): Scenario {
  return new Scenario()
    .consultant('c1', '2026-01-01T00:00:00Z', { teamId: 'team-a' })
    .consultant('c2', '2026-01-01T00:00:00Z', { teamId: 'team-b' })
    .opportunity('O1', '2026-02-01T00:00:00Z', { productLines: ['erp'] })
    .opportunity('O2', '2026-02-01T00:00:00Z', { productLines: ['crm'], value: '200 EUR' })
    .opportunity('O3', '2026-02-01T00:00:00Z', { productLines: ['erp', 'crm'], value: '500 CNY' })
    .opportunity('O4', '2026-02-01T00:00:00Z')
    .opportunity('O5', '2026-02-01T00:00:00Z', { value: '800 CNY' })
    .opportunity('O6', '2026-02-01T00:00:00Z', { productLines: ['erp'], value: '100 CNY' })
    .assigned('c1', 'X1', 'O1', 50, '2026-02-01', '2026-03-31', '2026-02-01T00:00:00Z')
    .assigned('c1', 'X2', 'O2', 50, '2026-02-01', '2026-03-31', '2026-02-01T00:00:00Z')
    .assigned('c2', 'X3', 'O3', 50, '2026-02-01', '2026-03-31', '2026-02-01T00:00:00Z')
    .activity('A1', 'O1', 'demo', '2026-02-10T00:00:00Z')
    .activityCompleted('A1', '2026-02-15T00:00:00Z')
    .activity('A6', 'O6', 'workshop', '2026-03-01T00:00:00Z')
    .won('O1', '100 USD', '2026-03-05T00:00:00Z')
    .lost('O2', '2026-03-10T00:00:00Z')
    .qualifiedOut('O4', '2026-03-12T00:00:00Z')
    .won('O3', '300 CNY', { at: '2026-03-20T00:00:00Z', recordedAt: '2026-04-10T00:00:00Z' })
    .lost('O6', '2026-03-22T00:00:00Z')
    .activityCompleted('A6', '2026-03-25T00:00:00Z')
    .lost('O5', '2026-04-02T00:00:00Z');
}

describe('win_rate: won ÷ opportunities decided in P', () => {
  const events = deals().events;

  it('counts Won and Lost in P, not QualifiedOut nor other periods', () => {
    // O1 won, O2 lost, O3 won, O6 lost.
    expect(oracleKpi('win_rate', events, oracleQuery('2026-03'))).toBe(2 / 4);
    expect(oracleKpi('win_rate', events, oracleQuery('2026-04'))).toBe(0); // O5 lost: 0, not null
    expect(oracleKpi('win_rate', events, oracleQuery('2026-05'))).toBeNull();
  });

  it('ignores a win recorded after asOf', () => {
    // O3's win occurred 03-20 but was recorded 04-10.
    expect(oracleKpi('win_rate', events, oracleQuery('2026-03', { asOf: '2026-04-01T00:00:00Z' }))).toBe(1 / 3);
  });

  it('scopes by team (assignments, plus TeamMemberAdded) and by product line', () => {
    expect(oracleKpi('win_rate', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } }))).toBe(
      1 / 2,
    ); // O1, O2
    expect(oracleKpi('win_rate', events, oracleQuery('2026-03', { scope: { kind: 'consultant', id: 'c2' } }))).toBe(1); // O3
    const withMember = deals().teamMemberAdded('team-a', 'c2', '2026-02-01T00:00:00Z').events;
    expect(oracleKpi('win_rate', withMember, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } }))).toBe(
      2 / 3,
    ); // O1, O2, O3
    expect(oracleKpi('win_rate', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'erp' } }))).toBe(
      2 / 3,
    ); // O1, O3, O6
    expect(oracleKpi('win_rate', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } }))).toBe(
      1 / 2,
    ); // O2, O3
  });
});

describe('win_rate_value: Σ won amount ÷ Σ (won amount or lost estimatedValue)', () => {
  const events = deals().events;

  it('adds amounts in several currencies in the reporting currency', () => {
    // won: 100 USD = 710 + 300 = 1010; lost: 200 EUR = 1540 + 100 → 1010 ÷ 2650.
    expect(oracleKpi('win_rate_value', events, oracleQuery('2026-03'))).toBeCloseTo(1010 / 2650, 12);
    expect(
      oracleKpi('win_rate_value', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } })),
    ).toBeCloseTo(300 / 1840, 12);
  });

  it('is 0 for a period of losses only and null without decided opportunities', () => {
    expect(oracleKpi('win_rate_value', events, oracleQuery('2026-04'))).toBe(0);
    expect(oracleKpi('win_rate_value', events, oracleQuery('2026-05'))).toBeNull();
  });
});

describe('presales_lift: win rate with a completed activity before closing − without', () => {
  it('splits on completion at or before the closing time', () => {
    // with: O1 (won) → 1; without: O2 lost, O3 won, O6 lost (completed after closing) → 1/3.
    expect(oracleKpi('presales_lift', deals().events, oracleQuery('2026-03'))).toBeCloseTo(1 - 1 / 3, 12);
  });

  it('counts a completion exactly at the closing time', () => {
    const events = new Scenario()
      .opportunity('P1', '2026-03-01T00:00:00Z')
      .activity('B1', 'P1', 'exchange', '2026-03-02T00:00:00Z')
      .activityCompleted('B1', '2026-03-05T00:00:00Z')
      .won('P1', '10 CNY', '2026-03-05T00:00:00Z')
      .opportunity('P2', '2026-03-01T00:00:00Z')
      .lost('P2', '2026-03-06T00:00:00Z').events;
    expect(oracleKpi('presales_lift', events, oracleQuery('2026-03'))).toBe(1);
  });

  it('is null when either group is empty', () => {
    expect(oracleKpi('presales_lift', deals().events, oracleQuery('2026-04'))).toBeNull(); // O5 only, no activity
    expect(
      oracleKpi('presales_lift', deals().events, oracleQuery('2026-03', { scope: { kind: 'consultant', id: 'c2' } })),
    ).toBeNull();
  });
});

/**
 * Support requests acknowledged in 2026-03 (hours from the request):
 *   R1 demo (erp)  on O1, by c1: 10 h
 *   R2 rfp  (erp)  on O1, by c2: 30 h
 *   R3 poc  (crm)  on O2, by c1: 48 h (requested in February)
 *   R5 demo (erp)  on O3, by c1: 20 h, its acknowledgement recorded late (2026-04-03)
 * R4 on O2 is acknowledged in April (50 h).
 */
function requests(): Scenario {
  return deals()
    .supportRequested('O1', 'R1', '2026-03-01T00:00:00Z', { kind: 'demo' })
    .supportAcknowledged('O1', 'R1', 'c1', '2026-03-01T10:00:00Z')
    .supportRequested('O1', 'R2', '2026-03-02T00:00:00Z', { kind: 'rfp' })
    .supportAcknowledged('O1', 'R2', 'c2', '2026-03-03T06:00:00Z')
    .supportRequested('O2', 'R3', '2026-02-27T00:00:00Z', { kind: 'poc', productLine: 'crm' })
    .supportAcknowledged('O2', 'R3', 'c1', '2026-03-01T00:00:00Z')
    .supportRequested('O2', 'R4', '2026-03-30T00:00:00Z', { kind: 'demo' })
    .supportAcknowledged('O2', 'R4', 'c1', '2026-04-01T02:00:00Z')
    .supportRequested('O3', 'R5', '2026-03-10T00:00:00Z', { kind: 'demo' })
    .supportAcknowledged('O3', 'R5', 'c1', { at: '2026-03-10T20:00:00Z', recordedAt: '2026-04-03T00:00:00Z' });
}

describe('first_response_hours: median hours request → acknowledgement, acknowledged in P', () => {
  const events = requests().events;

  it('takes the mean of the two middle values for an even count', () => {
    // 10, 20, 30, 48 → (20 + 30) ÷ 2.
    expect(oracleKpi('first_response_hours', events, oracleQuery('2026-03'))).toBe(25);
  });

  it('takes the middle value for an odd count (R5 not recorded by asOf)', () => {
    expect(oracleKpi('first_response_hours', events, oracleQuery('2026-03', { asOf: '2026-04-02T00:00:00Z' }))).toBe(
      30,
    ); // 10, 30, 48
  });

  it('scopes by the acknowledging consultant, or the request product line', () => {
    // team-a is c1: R1 10, R3 48, R5 20 (R5's opportunity O3 is c2's: the acknowledger decides).
    expect(
      oracleKpi('first_response_hours', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } })),
    ).toBe(20);
    expect(
      oracleKpi('first_response_hours', events, oracleQuery('2026-03', { scope: { kind: 'consultant', id: 'c2' } })),
    ).toBe(30);
    expect(
      oracleKpi('first_response_hours', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } })),
    ).toBe(48);
  });

  it('is null without acknowledgements in P', () => {
    expect(oracleKpi('first_response_hours', events, oracleQuery('2026-05'))).toBeNull();
    expect(oracleKpi('first_response_hours', events, oracleQuery('2026-04'))).toBe(50);
  });
});

describe('response_sla_attainment: acknowledged within the SLA of the request kind ÷ acknowledged in P', () => {
  const events = requests().events;

  it('uses 24 h for every kind by default', () => {
    // 10 (demo) and 20 (demo) within 24 h; 30 (rfp) and 48 (poc) not.
    expect(oracleKpi('response_sla_attainment', events, oracleQuery('2026-03'))).toBe(2 / 4);
  });

  it('takes SLA hours per kind as a parameter, the bound included', () => {
    const parameters = { slaHoursByKind: { rfp: 36, poc: 48, demo: 12 } };
    // demo 10 ≤ 12 yes, demo 20 > 12 no, rfp 30 ≤ 36 yes, poc 48 ≤ 48 yes.
    expect(oracleKpi('response_sla_attainment', events, oracleQuery('2026-03', { parameters }))).toBe(3 / 4);
  });

  it('is null without acknowledgements in P', () => {
    expect(oracleKpi('response_sla_attainment', events, oracleQuery('2026-05'))).toBeNull();
  });
});
