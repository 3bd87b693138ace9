import { describe, expect, it } from 'vitest';
import type { QuoteLine } from './quote.line.js';
import { quoteLineTotals, quoteTotals } from './quote.totals.js';

const line = (overrides: Partial<QuoteLine>): QuoteLine => ({
  lineId: 'L-1',
  productLine: 'erp',
  sku: 'SKU',
  description: 'item',
  quantity: '1',
  unitPrice: '0',
  unitCost: '0',
  discountPct: '0',
  ...overrides,
});

describe('quote line totals', () => {
  it('applies the discount to quantity × unit price', () => {
    expect(
      quoteLineTotals(line({ quantity: '10', unitPrice: '1000', unitCost: '600', discountPct: '10' }), 'CNY'),
    ).toEqual({
      lineId: 'L-1',
      listPrice: { amount: '10000.00', currency: 'CNY' },
      discount: { amount: '1000.00', currency: 'CNY' },
      total: { amount: '9000.00', currency: 'CNY' },
      cost: { amount: '6000.00', currency: 'CNY' },
      margin: { amount: '3000.00', currency: 'CNY' },
    });
  });

  it('is exact where binary floating point is not', () => {
    // 3 × 0.1 is 0.30000000000000004 in floating point; 0.1 + 0.2 likewise.
    const totals = quoteLineTotals(line({ quantity: '3', unitPrice: '0.1', unitCost: '0.2' }), 'USD');
    expect(totals.total.amount).toBe('0.30');
    expect(totals.margin.amount).toBe('-0.30');
  });

  it('rounds each amount once, half up, to the currency minor units', () => {
    // 3 × 19.99 × 0.875 = 52.47375 → 52.47; 1 × 0.125 → 0.13 (half up); JPY keeps no decimals.
    expect(quoteLineTotals(line({ quantity: '3', unitPrice: '19.99', discountPct: '12.5' }), 'CNY').total.amount).toBe(
      '52.47',
    );
    expect(quoteLineTotals(line({ unitPrice: '0.125' }), 'CNY').total.amount).toBe('0.13');
    expect(quoteLineTotals(line({ quantity: '3', unitPrice: '333.5' }), 'JPY').total).toEqual({
      amount: '1001',
      currency: 'JPY',
    });
    expect(quoteLineTotals(line({ unitPrice: '1.2345' }), 'KWD').total.amount).toBe('1.235');
  });

  it('rounds the whole line expression once, not step by step', () => {
    // 0.009999 × 0.5 = 0.0049995: stepwise (to 6 places, then to cents) would give 0.01.
    expect(quoteLineTotals(line({ quantity: '0.009999', unitPrice: '0.5' }), 'CNY').total.amount).toBe('0.00');
  });
});

describe('quote totals', () => {
  const lines = [
    line({ lineId: 'L-1', quantity: '10', unitPrice: '1000', unitCost: '600', discountPct: '10' }),
    line({ lineId: 'L-2', quantity: '20', unitPrice: '1500', unitCost: '1200' }),
  ];

  it('sums the rounded line amounts and derives the margin percentage', () => {
    const totals = quoteTotals(lines, 'CNY');
    expect(totals.listPrice.amount).toBe('40000.00');
    expect(totals.discount.amount).toBe('1000.00');
    expect(totals.total.amount).toBe('39000.00');
    expect(totals.cost.amount).toBe('30000.00');
    expect(totals.margin.amount).toBe('9000.00');
    expect(totals.marginPct).toBe('23.08');
    expect(totals.lines.map((l) => l.lineId)).toEqual(['L-1', 'L-2']);
  });

  it('can have a negative margin', () => {
    expect(quoteTotals([line({ unitPrice: '100', unitCost: '150' })], 'CNY').marginPct).toBe('-50.00');
  });

  it('has no margin percentage when the total is 0', () => {
    expect(quoteTotals([line({ unitPrice: '100', discountPct: '100' })], 'CNY').marginPct).toBeNull();
  });

  it('rounds the margin percentage half up to 2 decimals', () => {
    // margin 1 of total 8 = 12.5 %; margin 1 of 3 = 33.333… %; margin 0.01 of 800 = 0.00125 % → 0.00
    expect(quoteTotals([line({ unitPrice: '8', unitCost: '7' })], 'CNY').marginPct).toBe('12.50');
    expect(quoteTotals([line({ unitPrice: '3', unitCost: '2' })], 'CNY').marginPct).toBe('33.33');
    expect(quoteTotals([line({ unitPrice: '2', unitCost: '1.99' })], 'CNY').marginPct).toBe('0.50');
    expect(
      quoteTotals(
        [line({ unitPrice: '0.08', unitCost: '0.07' }), line({ lineId: 'L-2', unitPrice: '0.08', unitCost: '0.07' })],
        'CNY',
      ).marginPct,
    ).toBe('12.50');
  });
});
