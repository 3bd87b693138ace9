import { describe, expect, it } from 'vitest';
import { oracleKpi } from '../oracle.js';
import { oracleQuery } from '../testing/query.js';
import { Scenario } from '../testing/scenario.js';

/**
 * Q1 (O1, erp, CNY): draft 10 × 100 −10 % (900); r1 10 × 100 −20 % (800); r2 5 × 100 + 1 × 333.33
 *   (833.33); r2 approved at 30.5 % on 03-07, accepted 03-10 at 850 CNY.
 * Q2 (O2, crm, USD), drafted in schemaVersion 1 (no discountPct): 2 × 500 = 1000 USD (7100 CNY);
 *   approved at 20 % on 03-03, accepted 03-12 at 7000 CNY.
 * Q3 (O3, hr, CNY): one line at price 0 (total 0); approved at 0 % on 03-04, accepted 03-15 at 100 CNY.
 * Q4 (O1, CNY): draft and r1 in February, r1 approved 02-06 at 40 %, accepted 04-02.
 */
function quotes(): Scenario {
  return new Scenario()
    .opportunity('O1', '2026-02-01T00:00:00Z', { productLines: ['erp'] })
    .opportunity('O2', '2026-02-01T00:00:00Z', { productLines: ['crm'] })
    .opportunity('O3', '2026-02-01T00:00:00Z', { productLines: ['hr'] })
    .quoteDrafted('Q1', 'O1', 'CNY', [{ quantity: '10', unitPrice: '100', discountPct: '10' }], '2026-03-01T00:00:00Z')
    .quoteRevised('Q1', 1, [{ quantity: '10', unitPrice: '100', discountPct: '20' }], '2026-03-05T00:00:00Z')
    .quoteRevised(
      'Q1',
      2,
      [
        { quantity: '5', unitPrice: '100' },
        { quantity: '1', unitPrice: '333.33' },
      ],
      '2026-03-06T00:00:00Z',
    )
    .quoteApproved('Q1', 2, '30.5', '2026-03-07T00:00:00Z')
    .quoteAccepted('Q1', 2, '850 CNY', '2026-03-10T00:00:00Z')
    .quoteDrafted('Q2', 'O2', 'USD', [{ quantity: '2', unitPrice: '500' }], '2026-03-02T00:00:00Z', {
      schemaVersion: 1,
    })
    .quoteApproved('Q2', 0, '20', '2026-03-03T00:00:00Z')
    .quoteAccepted('Q2', 0, '7000 CNY', '2026-03-12T00:00:00Z')
    .quoteDrafted('Q3', 'O3', 'CNY', [{ quantity: '1', unitPrice: '0' }], '2026-03-02T00:00:00Z')
    .quoteApproved('Q3', 0, '0', '2026-03-04T00:00:00Z')
    .quoteAccepted('Q3', 0, '100 CNY', '2026-03-15T00:00:00Z')
    .quoteDrafted('Q4', 'O1', 'CNY', [{ quantity: '1', unitPrice: '10' }], '2026-02-01T00:00:00Z')
    .quoteRevised('Q4', 1, [{ quantity: '1', unitPrice: '12' }], '2026-02-05T00:00:00Z')
    .quoteApproved('Q4', 1, '40', '2026-02-06T00:00:00Z')
    .quoteAccepted('Q4', 1, '12 CNY', '2026-04-02T00:00:00Z');
}

describe('quote_revisions: mean QuoteRevised count of the quotes accepted in P', () => {
  const events = quotes().events;
  it('averages over the accepted quotes', () => {
    // Q1 2, Q2 0, Q3 0.
    expect(oracleKpi('quote_revisions', events, oracleQuery('2026-03'))).toBe(2 / 3);
    expect(oracleKpi('quote_revisions', events, oracleQuery('2026-04'))).toBe(1); // Q4
    expect(
      oracleKpi('quote_revisions', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'erp' } })),
    ).toBe(2);
    expect(oracleKpi('quote_revisions', events, oracleQuery('2026-02'))).toBeNull();
  });
});

describe('quote_accuracy: mean of 1 − |contracted − quoted total| ÷ quoted total, quotes accepted in P', () => {
  const events = quotes().events;
  const q1 = 1 - 16.67 / 833.33; // the domain total of revision 2: 500 + 333.33
  const q2 = 1 - 100 / 7100; // 1000 USD = 7100 CNY quoted, 7000 CNY contracted

  it('uses the domain total of the accepted revision, converted, and skips a zero total', () => {
    expect(oracleKpi('quote_accuracy', events, oracleQuery('2026-03'))).toBeCloseTo((q1 + q2) / 2, 12);
    expect(
      oracleKpi('quote_accuracy', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } })),
    ).toBeCloseTo(q2, 12);
    expect(oracleKpi('quote_accuracy', events, oracleQuery('2026-04'))).toBe(1); // Q4: 12 quoted, 12 contracted
  });

  it('is null when the only accepted quote totals 0', () => {
    expect(
      oracleKpi('quote_accuracy', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'hr' } })),
    ).toBeNull();
  });
});

describe('quote_margin: mean marginPct of QuoteApproved in P', () => {
  const events = quotes().events;
  it('averages the recorded margins exactly', () => {
    expect(oracleKpi('quote_margin', events, oracleQuery('2026-03'))).toBeCloseTo((30.5 + 20 + 0) / 3, 12);
    expect(oracleKpi('quote_margin', events, oracleQuery('2026-Q1'))).toBe(90.5 / 4);
    expect(oracleKpi('quote_margin', events, oracleQuery('2026-03', { asOf: '2026-03-06T12:00:00Z' }))).toBe(10); // Q2 20, Q3 0
    expect(oracleKpi('quote_margin', events, oracleQuery('2026-04'))).toBeNull();
  });
});
