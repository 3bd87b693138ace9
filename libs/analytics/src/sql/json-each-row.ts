/** Parse a JSONEachRow body: one JSON object per line. */
export function parseJsonEachRow<Row>(text: string): Row[] {
  const rows: Row[] = [];
  for (const line of text.split('\n')) if (line.length > 0) rows.push(JSON.parse(line) as Row);
  return rows;
}

export function toJsonEachRow(rows: readonly object[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n');
}
