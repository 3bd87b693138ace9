import { ValidationError } from '../shared/errors.js';
import { minorUnits, type CurrencyCode } from './currencies.js';
import { Decimal, type Rounding } from './decimal.js';

/** Money is `{ amount: string (decimal), currency: ISO 4217 }` (DOMAIN.md). */
export interface Money {
  readonly amount: string;
  readonly currency: CurrencyCode;
}

/** Amounts in different currencies meet only through a rate table (KPIS.md), never by adding. */
export class CurrencyMismatchError extends ValidationError {
  constructor(operation: string, expected: CurrencyCode, found: string) {
    super(operation, [
      {
        path: 'currency',
        value: found,
        rule: `must be ${expected} like the other amount: convert with a rate table first`,
      },
    ]);
  }
}

/**
 * `amount` rounded to the currency's minor units (2 for CNY, 0 for JPY), half_up by default:
 * 四舍五入, as on quotations and invoices. The amount keeps exactly that many decimals ("12.50").
 */
export function moneyOf(amount: Decimal, currency: CurrencyCode, rounding: Rounding = 'half_up'): Money {
  const places = minorUnits(currency);
  return { amount: amount.round(places, rounding).toFixed(places), currency };
}

export function amountOf(money: Money): Decimal {
  return Decimal.parse(money.amount);
}

export function subtractMoney(left: Money, right: Money): Money {
  assertSameCurrency('subtract money', left.currency, right);
  return moneyOf(amountOf(left).minus(amountOf(right)), left.currency);
}

/** The sum of `amounts`, all in `currency` (zero for none). */
export function sumMoney(amounts: Iterable<Money>, currency: CurrencyCode): Money {
  let total = Decimal.ZERO;
  for (const money of amounts) {
    assertSameCurrency('sum money', currency, money);
    total = total.plus(amountOf(money));
  }
  return moneyOf(total, currency);
}

function assertSameCurrency(operation: string, expected: CurrencyCode, money: Money): void {
  if (money.currency !== expected) throw new CurrencyMismatchError(operation, expected, money.currency);
}
