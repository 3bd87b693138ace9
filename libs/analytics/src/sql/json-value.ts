import { SqlDecimal, type AnalyticsValue } from '../analytics-store.port.js';

/**
 * One row value as JSON text for the JSON input formats: strings and string arrays escaped by
 * JSON.stringify (quotes, backslashes, control characters, lone surrogates), and a SqlDecimal
 * as a bare number, digit for digit (a JS number would lose digits, and ClickHouse 18.16 does
 * not parse a quoted decimal). Non-finite numbers become null, as JSON.stringify has them.
 */
export function jsonValue(value: AnalyticsValue): string {
  if (value instanceof SqlDecimal) return value.text;
  return JSON.stringify(value);
}

/**
 * A row's values, or its whole object, as JSON text. Without decimals this is one native
 * JSON.stringify call, which writes exactly what jsonValue writes value by value and is
 * several times faster than joining the values in JS; rows with decimals go value by value.
 */
export function jsonArrayOf(values: readonly AnalyticsValue[]): string {
  if (!values.some(isDecimal)) return JSON.stringify(values);
  return `[${values.map(jsonValue).join(',')}]`;
}

export function jsonObjectOf(
  row: Readonly<Record<string, AnalyticsValue>>,
  quotedKey: (key: string) => string,
): string {
  const keys = Object.keys(row);
  if (!keys.some((key) => isDecimal(row[key]))) return JSON.stringify(row);
  return `{${keys.map((key) => `${quotedKey(key)}:${jsonValue(row[key]!)}`).join(',')}}`;
}

function isDecimal(value: AnalyticsValue | undefined): value is SqlDecimal {
  return value instanceof SqlDecimal;
}
