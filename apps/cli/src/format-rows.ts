export interface Column {
  readonly name: string;
  readonly type: string;
}
export type Row = Readonly<Record<string, unknown>>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** East Asian wide and fullwidth characters (CJK, Hangul, fullwidth forms) take two columns of a terminal. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** How many terminal columns the text takes: 已定义级 takes 8, not 4. */
export function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

/** A plain-text table with a header, a rule and right-aligned numeric columns, aligned in a terminal. */
export function formatTable(columns: readonly Column[], rows: readonly Row[]): string {
  const numeric = columns.map((c) => /^(U?Int|Float|Decimal)/.test(c.type));
  const cells = rows.map((row) => columns.map((c) => cell(row[c.name])));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.name), ...cells.map((r) => displayWidth(r[i]!))));
  const pad = (value: string, i: number) => ' '.repeat(widths[i]! - displayWidth(value));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (numeric[i] ? pad(v, i) + v : v + pad(v, i)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.name)), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** RFC 4180 CSV: quotes a field only when it holds a comma, quote or line break. */
export function formatCsv(columns: readonly Column[], rows: readonly Row[]): string {
  const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [
    columns.map((c) => field(c.name)).join(','),
    ...rows.map((row) => columns.map((c) => field(cell(row[c.name]))).join(',')),
  ].join('\r\n');
}
