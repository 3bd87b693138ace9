import { SqlDecimal, type AnalyticsRow } from '../analytics-store.port.js';

/** Parse a JSONEachRow body: one JSON object per line. */
export function parseJsonEachRow<Row>(text: string): Row[] {
  const rows: Row[] = [];
  for (const line of text.split('\n')) if (line.length > 0) rows.push(JSON.parse(line) as Row);
  return rows;
}

/** JSONEachRow body; SqlDecimal values are written as bare numbers, digit for digit. */
export function toJsonEachRow(rows: readonly AnalyticsRow[]): string {
  return rows.map(rowToJson).join('\n');
}

function rowToJson(row: AnalyticsRow): string {
  const fields = Object.entries(row).map(([key, value]) => `${JSON.stringify(key)}:${value instanceof SqlDecimal ? value.text : JSON.stringify(value)}`);
  return `{${fields.join(',')}}`;
}
