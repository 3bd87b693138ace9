import { csvRecord, isTextType } from './csv-text.js';

/**
 * What `POST /api/sql` answers: the result as JSON (the default, a row an object), the same result
 * with a row an array (`rows`, decision 0044), or a file streamed row by row.
 */
export const SQL_ANSWER_FORMATS = ['result', 'rows', 'csv', 'json'] as const;
export type SqlAnswerFormat = (typeof SQL_ANSWER_FORMATS)[number];
export type ExportFormat = Exclude<SqlAnswerFormat, 'result' | 'rows'>;

export interface ExportOptions {
  readonly format: ExportFormat;
  /** CSV for Excel: a UTF-8 byte-order mark (Excel reads Chinese text right only with it) and formula cells guarded. */
  readonly excel: boolean;
}

type Column = { readonly name: string; readonly type: string };

/** How an export is written: its media type, its head, each row and its tail, as text. */
export interface ExportWriter {
  readonly contentType: string;
  readonly extension: string;
  head(columns: readonly Column[]): string;
  row(values: readonly unknown[], first: boolean): string;
  readonly tail: string;
}

const BOM = '\ufeff';

export function exportWriter(options: ExportOptions, columns: readonly Column[]): ExportWriter {
  if (options.format === 'csv') {
    const text = columns.map((column) => isTextType(column.type));
    const csv = { guardFormulas: options.excel };
    return {
      contentType: 'text/csv; charset=utf-8',
      extension: 'csv',
      head: () =>
        `${options.excel ? BOM : ''}${csvRecord(
          columns.map((column) => column.name),
          [],
          csv,
        )}`,
      row: (values) => csvRecord(values, text, csv),
      tail: '',
    };
  }
  const names = columns.map((column) => column.name);
  // One JSON array of objects, a row a line, so a reader can also take it line by line.
  return {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    head: () => '[',
    row: (values, first) =>
      `${first ? '\n' : ',\n'}${JSON.stringify(Object.fromEntries(names.map((name, i) => [name, values[i] ?? null])))}`,
    tail: ']\n',
  };
}

/** `presales-sql-2026-12-06T18-55-02Z.csv`: sortable, no characters a file system refuses. */
export function exportFileName(at: Date, extension: string): string {
  return `presales-sql-${at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')}.${extension}`;
}
