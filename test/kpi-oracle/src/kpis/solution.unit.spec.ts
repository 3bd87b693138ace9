import { describe, expect, it } from 'vitest';
import { oracleKpi } from '../oracle.js';
import { oracleQuery } from '../testing/query.js';
import { Scenario } from '../testing/scenario.js';

/**
 * O1 (erp) technical_win 03-01, won 03-20; O2 (crm) technical_loss 03-05 then technical_win 03-07,
 * lost 03-21; O3 (erp) technical_win 02-20, won 03-22; O4 (crm) technical_win 03-08, qualified out
 * 03-23; O5 (erp) technical_loss 03-09, won 03-24 (no technical_win).
 */
function decisions(): Scenario {
  const scenario = new Scenario().consultant('c1', '2026-01-01T00:00:00Z', { teamId: 'team-a' });
  for (const [id, line] of [
    ['O1', 'erp'],
    ['O2', 'crm'],
    ['O3', 'erp'],
    ['O4', 'crm'],
    ['O5', 'erp'],
  ] as const)
    scenario.opportunity(id, '2026-02-01T00:00:00Z', { productLines: [line] });
  return scenario
    .assigned('c1', 'X1', 'O2', 50, '2026-02-01', '2026-03-31', '2026-02-01T00:00:00Z')
    .technicalDecision('O1', 'technical_win', '2026-03-01T00:00:00Z')
    .technicalDecision('O2', 'technical_loss', '2026-03-05T00:00:00Z')
    .technicalDecision('O2', 'technical_win', '2026-03-07T00:00:00Z')
    .technicalDecision('O3', 'technical_win', '2026-02-20T00:00:00Z')
    .technicalDecision('O4', 'technical_win', { at: '2026-03-08T00:00:00Z', recordedAt: '2026-04-05T00:00:00Z' })
    .technicalDecision('O5', 'technical_loss', '2026-03-09T00:00:00Z')
    .won('O1', '10 CNY', '2026-03-20T00:00:00Z')
    .lost('O2', '2026-03-21T00:00:00Z')
    .won('O3', '10 CNY', '2026-03-22T00:00:00Z')
    .qualifiedOut('O4', '2026-03-23T00:00:00Z')
    .won('O5', '10 CNY', '2026-03-24T00:00:00Z');
}

describe('technical_win_rate: technical_win ÷ TechnicalDecisionRecorded in P', () => {
  const events = decisions().events;

  it('counts every decision event in P', () => {
    // March: O1 win, O2 loss, O2 win, O4 win, O5 loss → 3 ÷ 5.
    expect(oracleKpi('technical_win_rate', events, oracleQuery('2026-03'))).toBe(3 / 5);
    expect(oracleKpi('technical_win_rate', events, oracleQuery('2026-Q1'))).toBe(4 / 6);
    expect(oracleKpi('technical_win_rate', events, oracleQuery('2026-03', { asOf: '2026-04-01T00:00:00Z' }))).toBe(
      2 / 4,
    );
  });

  it('scopes by product line and by team', () => {
    expect(
      oracleKpi('technical_win_rate', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } })),
    ).toBe(2 / 3);
    expect(
      oracleKpi('technical_win_rate', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } })),
    ).toBe(1 / 2);
    expect(oracleKpi('technical_win_rate', events, oracleQuery('2026-04'))).toBeNull();
  });
});

describe('tech_win_to_close: won ÷ closed in P among opportunities with a technical_win', () => {
  const events = decisions().events;

  it('counts QualifiedOut as closed and a technical_win of any time', () => {
    // O1 won, O2 lost, O3 won (technical_win in February), O4 qualified out; O5 has no technical_win.
    expect(oracleKpi('tech_win_to_close', events, oracleQuery('2026-03'))).toBe(2 / 4);
  });

  it('knows only the technical wins recorded by asOf, and is null without units', () => {
    // O4's technical_win is recorded in April: O1, O2, O3 remain.
    expect(oracleKpi('tech_win_to_close', events, oracleQuery('2026-03', { asOf: '2026-04-01T00:00:00Z' }))).toBe(
      2 / 3,
    );
    expect(oracleKpi('tech_win_to_close', events, oracleQuery('2026-02'))).toBeNull();
    expect(
      oracleKpi('tech_win_to_close', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } })),
    ).toBe(0); // O2 lost, O4 qualified out
  });
});

describe('review_rejection_rate: tenders with a rejected ReviewHeld in P ÷ tenders with a ReviewHeld in P', () => {
  const events = new Scenario()
    .opportunity('O1', '2026-02-01T00:00:00Z', { productLines: ['erp'] })
    .opportunity('O2', '2026-02-01T00:00:00Z', { productLines: ['crm'] })
    .tender('T1', 'O1', '2026-02-10T00:00:00Z', '2026-04-30T00:00:00Z')
    .tender('T2', 'O2', '2026-02-10T00:00:00Z', '2026-04-30T00:00:00Z')
    .tender('T3', 'O2', '2026-02-10T00:00:00Z', '2026-04-30T00:00:00Z')
    .review('T1', 'V1', 'rework', '2026-03-01T00:00:00Z')
    .review('T1', 'V2', 'rejected', '2026-03-03T00:00:00Z')
    .review('T2', 'V3', 'approved', '2026-03-04T00:00:00Z')
    .review('T3', 'V4', 'rejected', '2026-02-25T00:00:00Z')
    .review('T3', 'V5', 'approved', '2026-03-06T00:00:00Z').events;

  it('looks only at the reviews in P', () => {
    // March: T1 (rejected), T2, T3 (its rejection is in February) → 1 ÷ 3; Q1: T1, T3 → 2 ÷ 3.
    expect(oracleKpi('review_rejection_rate', events, oracleQuery('2026-03'))).toBe(1 / 3);
    expect(oracleKpi('review_rejection_rate', events, oracleQuery('2026-Q1'))).toBe(2 / 3);
    expect(oracleKpi('review_rejection_rate', events, oracleQuery('2026-02'))).toBe(1); // T3
  });

  it('scopes tenders by their opportunity and is null without reviews', () => {
    expect(
      oracleKpi(
        'review_rejection_rate',
        events,
        oracleQuery('2026-Q1', { scope: { kind: 'product_line', id: 'crm' } }),
      ),
    ).toBe(1 / 2);
    expect(oracleKpi('review_rejection_rate', events, oracleQuery('2026-06'))).toBeNull();
  });
});
