import { minorUnits, type CurrencyCode } from '../money/currencies.js';
import { Decimal } from '../money/decimal.js';
import { moneyOf, sumMoney, subtractMoney, type Money } from '../money/money.js';
import type { DeepReadonly } from '../shared/message.js';
import type { QuoteLine } from './quote.line.js';

/**
 * Totals and margin are derived from the lines, never stored as truth (DOMAIN.md). Each line's
 * amounts are rounded once to the currency's minor units, half up (四舍五入, as printed on a
 * quotation); totals are sums of those rounded line amounts, so a printed quote adds up.
 */
export interface QuoteLineTotals {
  readonly lineId: string;
  /** quantity × unitPrice */
  readonly listPrice: Money;
  readonly discount: Money;
  /** quantity × unitPrice × (100 − discountPct) ÷ 100: what the customer pays for the line. */
  readonly total: Money;
  /** quantity × unitCost */
  readonly cost: Money;
  readonly margin: Money;
}

export interface QuoteTotals {
  readonly lines: readonly QuoteLineTotals[];
  readonly listPrice: Money;
  readonly discount: Money;
  readonly total: Money;
  readonly cost: Money;
  readonly margin: Money;
  /** margin ÷ total × 100, 2 decimals half up; null when the total is 0 (no margin to speak of). */
  readonly marginPct: string | null;
}

export function quoteLineTotals(line: DeepReadonly<QuoteLine>, currency: CurrencyCode): QuoteLineTotals {
  const rounding = { places: minorUnits(currency), rounding: 'half_up' } as const;
  const quantity = Decimal.parse(line.quantity);
  const unitPrice = Decimal.parse(line.unitPrice);
  const payable = Decimal.HUNDRED.minus(Decimal.parse(line.discountPct));
  const listPrice = moneyOf(Decimal.ratio([quantity, unitPrice], [], rounding), currency);
  const total = moneyOf(Decimal.ratio([quantity, unitPrice, payable], [Decimal.HUNDRED], rounding), currency);
  const cost = moneyOf(Decimal.ratio([quantity, Decimal.parse(line.unitCost)], [], rounding), currency);
  return {
    lineId: line.lineId,
    listPrice,
    discount: subtractMoney(listPrice, total),
    total,
    cost,
    margin: subtractMoney(total, cost),
  };
}

export function quoteTotals(lines: readonly DeepReadonly<QuoteLine>[], currency: CurrencyCode): QuoteTotals {
  const perLine = lines.map((line) => quoteLineTotals(line, currency));
  const sum = (pick: (line: QuoteLineTotals) => Money) => sumMoney(perLine.map(pick), currency);
  const total = sum((line) => line.total);
  const margin = sum((line) => line.margin);
  return {
    lines: perLine,
    listPrice: sum((line) => line.listPrice),
    discount: sum((line) => line.discount),
    total,
    cost: sum((line) => line.cost),
    margin,
    marginPct: marginPctOf(margin, total),
  };
}

function marginPctOf(margin: Money, total: Money): string | null {
  const totalAmount = Decimal.parse(total.amount);
  if (totalAmount.isZero()) return null;
  return Decimal.ratio([Decimal.parse(margin.amount), Decimal.HUNDRED], [totalAmount], {
    places: 2,
    rounding: 'half_up',
  }).toFixed(2);
}
