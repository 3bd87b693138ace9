import { DEFAULT_MAX_LINE_BYTES } from '../line/line-splitter.js';

/** One CSV record: the line it starts on (1-based, header included) and its fields, or why it could not be read. */
export type CsvRow =
  | { readonly kind: 'row'; readonly line: number; readonly fields: readonly string[] }
  | { readonly kind: 'bad'; readonly line: number; readonly reason: string };

/**
 * RFC 4180 records from decoded text chunks: quoted fields may hold commas, doubled quotes and
 * newlines; a record longer than `maxRecordChars` is reported and skipped to its end, so a broken
 * quote cannot make the reader buffer the rest of the file. Spreadsheet exports' BOM is dropped.
 */
export async function* csvRows(chunks: AsyncIterable<string>, maxRecordChars = DEFAULT_MAX_LINE_BYTES): AsyncGenerator<CsvRow> {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  let recordChars = 0;
  let tooLong = false;
  let first = true;
  let any = false;

  const endRecord = (): CsvRow | undefined => {
    fields.push(field);
    const row: CsvRow | undefined = tooLong
      ? { kind: 'bad', line: recordLine, reason: `record longer than ${maxRecordChars} characters (an unclosed quote?)` }
      : fields.length === 1 && fields[0] === ''
        ? undefined
        : { kind: 'row', line: recordLine, fields };
    field = '';
    fields = [];
    recordChars = 0;
    tooLong = false;
    afterQuote = false;
    any = false;
    return row;
  };

  for await (let chunk of chunks) {
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    for (let i = 0; i < chunk.length; i += 1) {
      const char = chunk[i]!;
      if (!any) {
        recordLine = line;
        any = true;
      }
      if (char === '\n') line += 1;
      recordChars += 1;
      if (recordChars > maxRecordChars && !tooLong) {
        tooLong = true;
        field = '';
        fields = [];
      }
      if (quoted) {
        if (char === '"') {
          quoted = false;
          afterQuote = true;
        } else if (!tooLong) field += char;
        continue;
      }
      if (char === '"') {
        // `""` inside a quoted field is a literal quote: re-open the quote and keep one.
        if (afterQuote && !tooLong) field += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (char === ',') {
        if (!tooLong) fields.push(field);
        field = '';
      } else if (char === '\n') {
        if (field.endsWith('\r')) field = field.slice(0, -1);
        const row = endRecord();
        if (row !== undefined) yield row;
      } else if (!tooLong) field += char;
    }
  }
  if (any) {
    if (quoted) {
      yield { kind: 'bad', line: recordLine, reason: 'the file ends inside a quoted field' };
      return;
    }
    const row = endRecord();
    if (row !== undefined) yield row;
  }
}
