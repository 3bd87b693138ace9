import type { DecimalRule } from './field-model';

/** The domain's decimal text (libs/domain Decimal.parse): optional minus, digits, at most 6 decimals. */
const DECIMAL_TEXT = /^(-)?(\d+)(?:\.(\d{1,6}))?$/;
const UNITS_PER_ONE = 1_000_000n;

/** The value times 10^6, exactly as the domain holds it; undefined when the text is not a decimal. */
export function decimalUnits(text: string): bigint | undefined {
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return undefined;
  const units = BigInt(match[2]!) * UNITS_PER_ONE + BigInt((match[3] ?? '').padEnd(6, '0'));
  return match[1] === undefined ? units : -units;
}

/** Why `text` breaks the rule of its shared type, or undefined when it does not (the message keys of workspace.*.ts). */
export function decimalProblem(
  text: string,
  rule: DecimalRule,
): 'decimal' | 'notNegative' | 'positive' | 'percent' | undefined {
  const units = decimalUnits(text);
  if (units === undefined) return 'decimal';
  if (rule === 'any') return undefined;
  if (units < 0n) return 'notNegative';
  if (rule === 'positive' && units === 0n) return 'positive';
  if (rule === 'percent' && units > 100n * UNITS_PER_ONE) return 'percent';
  return undefined;
}

/** Hours and days: a JSON number with at most 2 decimals, entered as text so nothing is rounded silently. */
export function quantityValue(text: string): number | undefined {
  return /^\d+(\.\d{1,2})?$/.test(text) ? Number(text) : undefined;
}
