/**
 * Significant digits a KPI snapshot keeps. ClickHouse adds floating-point values in the order it
 * reads them, and that order changes when parts are inserted or merged, even parts the asOf
 * filter then drops: measured on chDB, a mean over 13 quotes came back as 0.9846680070035172
 * and, after one unrelated insert, 0.9846680070035174. The last bits of a float sum are not a
 * fact about the data. Ten significant digits are far beyond what any KPI means and far above
 * that noise (about 1e-16 relative), so the rounded figures are the same whenever they are asked
 * for. A value lying within that noise of a rounding boundary could still round both ways; that
 * is one chance in about a million per figure (docs/audit.md).
 */
export const SNAPSHOT_SIGNIFICANT_DIGITS = 10;

/** `value` with every non-integer number rounded to `digits` significant digits, at any depth. */
export function roundFigures<T>(value: T, digits = SNAPSHOT_SIGNIFICANT_DIGITS): T {
  return round(value, digits) as T;
}

function round(value: unknown, digits: number): unknown {
  if (typeof value === 'number')
    return Number.isInteger(value) || !Number.isFinite(value) ? value : Number(value.toPrecision(digits));
  if (Array.isArray(value)) return value.map((item) => round(item, digits));
  if (value !== null && typeof value === 'object') {
    const rounded: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) rounded[key] = round(member, digits);
    return rounded;
  }
  return value;
}
