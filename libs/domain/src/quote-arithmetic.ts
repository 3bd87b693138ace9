/**
 * The browser-safe part of the domain a quote builder needs: exact decimals, money, currencies and
 * the quote's totals and margin, the same functions the decider derives marginPct with (decision
 * 0039). Nothing here imports Node or the rest of the domain's runtime (zod schemas, deciders,
 * the catalog): the dashboard may import this entry, `@presales/domain/quote-arithmetic`, and no
 * other (eslint.config.mjs `allow`). A unit test proves the entry's module graph stays this small.
 */
export { Decimal, type Rounding } from './money/decimal.js';
export { isCurrencyCode, minorUnits, type CurrencyCode } from './money/currencies.js';
export { moneyOf, sumMoney, subtractMoney, type Money } from './money/money.js';
export { quoteLineTotals, quoteTotals, type QuoteLineTotals, type QuoteTotals } from './quote/quote.totals.js';
export type { QuoteLine } from './quote/quote.line.js';
