/**
 * CSV as RFC 4180 and spreadsheets read it: comma-separated, CRLF line ends, a field quoted when
 * it holds a quote, comma, line break or edge space, quotes doubled. (csv-stringify, the csv
 * family's writer, is not among the installed packages; csv-parse, which is, reads this back in
 * the tests.)
 */
export interface CsvOptions {
  /**
   * For spreadsheets: a text cell that starts like a formula (= + - @, tab, carriage return) gets
   * a leading apostrophe, so Excel shows it instead of evaluating it (CSV injection).
   */
  readonly guardFormulas: boolean;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text columns, whose values a spreadsheet could take for a formula; numbers and dates cannot be. */
export function isTextType(type: string): boolean {
  return /^(Nullable\()?(LowCardinality\()?(Nullable\()?(String|FixedString\(\d+\))/.test(type);
}

/** One record, CRLF-terminated; `textColumns[i]` says whether column i holds text. */
export function csvRecord(values: readonly unknown[], textColumns: readonly boolean[], options: CsvOptions): string {
  return `${values.map((value, i) => csvField(value, textColumns[i] === true && options.guardFormulas)).join(',')}\r\n`;
}

export function csvField(value: unknown, guardFormula = false): string {
  let text = cellText(value);
  if (guardFormula && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** NULL is an empty cell; arrays, tuples and maps their JSON text. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
