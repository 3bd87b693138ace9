export interface Column {
  readonly name: string;
  readonly type: string;
}
export type Row = Readonly<Record<string, unknown>>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A plain-text table with a header, a rule and right-aligned numeric columns. */
export function formatTable(columns: readonly Column[], rows: readonly Row[]): string {
  const numeric = columns.map((c) => /^(U?Int|Float|Decimal)/.test(c.type));
  const cells = rows.map((row) => columns.map((c) => cell(row[c.name])));
  const widths = columns.map((c, i) => Math.max(c.name.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: readonly string[]) => values.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(columns.map((c) => c.name)), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** RFC 4180 CSV: quotes a field only when it holds a comma, quote or line break. */
export function formatCsv(columns: readonly Column[], rows: readonly Row[]): string {
  const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [columns.map((c) => field(c.name)).join(','), ...rows.map((row) => columns.map((c) => field(cell(row[c.name]))).join(','))].join('\r\n');
}
