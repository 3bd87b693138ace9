import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { DEFAULT_MAX_LINE_BYTES } from '../line/line-splitter.js';

/** One CSV record: the line it starts on (1-based, header included, as a spreadsheet numbers rows) and its fields. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * The file is not well-formed CSV (a stray or unclosed quote, a record longer than the cap): where
 * one record ends and the next begins is no longer known, so no row of the file is imported rather
 * than rows cut in the wrong places.
 */
export class CsvSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * RFC 4180 records from decoded text, read by csv-parse: quoted fields hold commas, doubled quotes
 * and line breaks; lines end in LF, CRLF or CR. Quotes are strict (`x"y` and `"x"y` are errors,
 * not data). Blank rows and rows of empty cells (spreadsheets leave them at the end) are skipped
 * but counted, so line numbers match the file's.
 */
export async function* csvRecords(
  chunks: AsyncIterable<string>,
  fileName: string,
  maxRecordChars = DEFAULT_MAX_LINE_BYTES,
): AsyncGenerator<CsvRecord> {
  const source = Readable.from(chunks, { objectMode: false });
  const parser = parse({
    bom: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: maxRecordChars,
  });
  // pipe() does not forward a source's error (an undecodable byte): end the parser with it.
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let line = 1;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const start = line;
      line += lineBreaks(raw);
      if (record.every((field) => field.trim() === '')) continue;
      yield { line: start, fields: record };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new CsvSyntaxError(
      `${fileName}: not well-formed CSV at line ${typeof error['lines'] === 'number' ? error['lines'] : line}: ${describe(error)}; nothing was imported. Quote a field that holds a quote, comma or line break ("a ""quoted"" word"), as spreadsheet programs do`,
    );
  } finally {
    source.destroy();
  }
}

/** Line breaks in a record's raw text, its own terminator included (LF, CRLF or a lone CR). */
function lineBreaks(raw: string): number {
  let count = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && raw.charCodeAt(i + 1) !== 0x0a)) count += 1;
  }
  return count;
}

function describe(error: CsvError): string {
  switch (error.code) {
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside a field that does not start with one';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text after the closing quote of a field';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field opened earlier is never closed';
    case 'CSV_MAX_RECORD_SIZE':
      return 'a record longer than the limit (an unclosed quote?)';
    default:
      return error.message;
  }
}
