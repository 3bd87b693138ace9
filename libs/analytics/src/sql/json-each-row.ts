import type { AnalyticsRow } from '../analytics-store.port.js';
import { jsonObjectOf } from './json-value.js';

/** Parse a JSONEachRow body: one JSON object per line. */
export function parseJsonEachRow<Row>(text: string): Row[] {
  const rows: Row[] = [];
  for (const line of text.split('\n')) if (line.length > 0) rows.push(JSON.parse(line) as Row);
  return rows;
}

/**
 * JSONEachRow body (the format ClickHouse 18.16 reads); SqlDecimal values are written as bare
 * numbers, digit for digit. Rows of one table repeat the same keys, so each key is quoted once.
 */
export function toJsonEachRow(rows: readonly AnalyticsRow[]): string {
  const quotedKeys = new Map<string, string>();
  const quotedKey = (key: string) => {
    let text = quotedKeys.get(key);
    if (text === undefined) quotedKeys.set(key, (text = JSON.stringify(key)));
    return text;
  };
  return rows.map((row) => jsonObjectOf(row, quotedKey)).join('\n');
}
