import { describe, expect, it } from 'vitest';
import { oracleKpi } from '../oracle.js';
import { oracleQuery } from '../testing/query.js';
import { Scenario } from '../testing/scenario.js';

describe('requirement_fit_rate: (standard + configurable) ÷ RequirementFitAssessed in P', () => {
  /** O1 (erp): Q1 standard, Q2 configurable, Q3 gap, Q4 custom assessed for crm, Q5 standard in February. O2 (crm): Q6 standard. */
  const events = new Scenario()
    .consultant('c1', '2026-01-01T00:00:00Z', { teamId: 'team-a' })
    .opportunity('O1', '2026-02-01T00:00:00Z', { productLines: ['erp'] })
    .opportunity('O2', '2026-02-01T00:00:00Z', { productLines: ['crm'] })
    .assigned('c1', 'X1', 'O2', 50, '2026-02-01', '2026-03-31', '2026-02-01T00:00:00Z')
    .requirementFit('O1', 'Q1', 'standard', '2026-03-01T00:00:00Z', 'erp')
    .requirementFit('O1', 'Q2', 'configurable', '2026-03-02T00:00:00Z', 'erp')
    .requirementFit('O1', 'Q3', 'gap', '2026-03-03T00:00:00Z', 'erp')
    .requirementFit('O1', 'Q4', 'custom', '2026-03-04T00:00:00Z', 'crm')
    .requirementFit('O1', 'Q5', 'standard', '2026-02-01T00:00:00Z', 'erp')
    .requirementFit(
      'O2',
      'Q6',
      'standard',
      { at: '2026-03-05T00:00:00Z', recordedAt: '2026-04-02T00:00:00Z' },
      'crm',
    ).events;

  it('counts the assessments in P', () => {
    // Q1, Q2, Q6 of Q1–Q4, Q6.
    expect(oracleKpi('requirement_fit_rate', events, oracleQuery('2026-03'))).toBe(3 / 5);
    expect(oracleKpi('requirement_fit_rate', events, oracleQuery('2026-03', { asOf: '2026-04-01T00:00:00Z' }))).toBe(
      2 / 4,
    );
  });

  it('uses the assessment’s own productLine in a product_line scope, the opportunity otherwise', () => {
    expect(
      oracleKpi('requirement_fit_rate', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } })),
    ).toBe(1 / 2); // Q4, Q6
    expect(
      oracleKpi('requirement_fit_rate', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'erp' } })),
    ).toBe(2 / 3); // Q1–Q3
    expect(
      oracleKpi('requirement_fit_rate', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } })),
    ).toBe(1); // O2: Q6
    expect(oracleKpi('requirement_fit_rate', events, oracleQuery('2026-04'))).toBeNull();
  });
});

describe('gap_loss_value: Σ estimatedValue of opportunities lost in P citing a product gap', () => {
  /** Lost in March: O1 100 USD with gap G1, O2 500 CNY without gaps, O3 50 EUR with G2 and G3. O4 lost in April with a gap; O5 won. */
  const events = new Scenario()
    .opportunity('O1', '2026-02-01T00:00:00Z', { value: '100 USD', productLines: ['erp'] })
    .opportunity('O2', '2026-02-01T00:00:00Z', { value: '500 CNY' })
    .opportunity('O3', '2026-02-01T00:00:00Z', { value: '50 EUR', productLines: ['crm'] })
    .opportunity('O4', '2026-02-01T00:00:00Z', { value: '20 CNY' })
    .opportunity('O5', '2026-02-01T00:00:00Z', { value: '999 CNY' })
    .lost('O1', '2026-03-10T00:00:00Z', ['G1'])
    .lost('O2', '2026-03-12T00:00:00Z')
    .lost('O3', '2026-03-15T00:00:00Z', ['G2', 'G3'])
    .lost('O4', '2026-04-01T00:00:00Z', ['G1'])
    .won('O5', '999 CNY', '2026-03-20T00:00:00Z').events;

  it('adds the estimated values in the reporting currency', () => {
    // 100 × 7.10 + 50 × 7.70.
    expect(oracleKpi('gap_loss_value', events, oracleQuery('2026-03'))).toBeCloseTo(710 + 385, 9);
    expect(
      oracleKpi('gap_loss_value', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } })),
    ).toBeCloseTo(385, 9);
    expect(oracleKpi('gap_loss_value', events, oracleQuery('2026-04'))).toBe(20);
  });

  it('is 0, not null, over no units', () => {
    expect(oracleKpi('gap_loss_value', events, oracleQuery('2026-05'))).toBe(0);
  });
});
