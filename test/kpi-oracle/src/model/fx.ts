import { Decimal, type Money } from '@presales/domain';

/** The rate table of config/fx-rates.json: one unit of each currency in the reporting currency. */
export interface FxTable {
  readonly reportingCurrency: string;
  readonly rates: Readonly<Record<string, string>>;
}

export class MissingExchangeRateError extends Error {
  constructor(
    readonly currency: string,
    reportingCurrency: string,
  ) {
    super(`no exchange rate for ${currency} in the rate table (reporting currency ${reportingCurrency})`);
    this.name = 'MissingExchangeRateError';
  }
}

/** The rate of `currency`; the reporting currency is 1 when the table does not list it. */
export function rateOf(fx: FxTable, currency: string): Decimal {
  const rate = Object.hasOwn(fx.rates, currency)
    ? fx.rates[currency]
    : currency === fx.reportingCurrency
      ? '1'
      : undefined;
  // docs/kpis.md "Money": "A currency missing from the file is an error naming it."
  if (rate === undefined) throw new MissingExchangeRateError(currency, fx.reportingCurrency);
  return Decimal.parse(rate);
}

/**
 * "Amounts are converted to the reporting currency with config/fx-rates.json (amount × rate of
 * its currency)": exact, rounded once to 6 decimals, never to the currency's minor units.
 */
export function toReporting(
  fx: FxTable,
  money: Money | { readonly amount: string; readonly currency: string },
): Decimal {
  return Decimal.ratio([Decimal.parse(money.amount), rateOf(fx, money.currency)], []);
}

/** `factor × money` in the reporting currency, rounded once (hours × hourlyCost). */
export function scaledToReporting(
  fx: FxTable,
  factor: Decimal,
  money: { readonly amount: string; readonly currency: string },
): Decimal {
  return Decimal.ratio([factor, Decimal.parse(money.amount), rateOf(fx, money.currency)], []);
}
