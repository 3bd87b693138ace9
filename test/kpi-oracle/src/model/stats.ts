import { Decimal } from '@presales/domain';

/** docs/kpis.md "No data": a ratio whose denominator is 0 is null. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** An exact decimal, as a number: only ever for the final value. */
export function toNumber(value: Decimal): number {
  return Number(value.toString());
}

/** Σ numerator ÷ Σ denominator, exact decimals turned to numbers only for the division. */
export function decimalRatio(numerator: Decimal, denominator: Decimal): number | null {
  return denominator.isZero() ? null : toNumber(numerator) / toNumber(denominator);
}

/** "A ratio …, a mean or median over no units: null." */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The mean of exact decimals: an exact sum, divided once. */
export function decimalMean(values: readonly Decimal[]): number | null {
  if (values.length === 0) return null;
  return toNumber(Decimal.sum(values)) / values.length;
}

/** "Median. The middle value, or the mean of the two middle values for an even count." */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
