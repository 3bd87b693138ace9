import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Actor } from '@presales/domain';
import type { ImportItem } from '../import/event-importer.js';
import { resolveColumns } from './column-mapping.js';
import { csvRecords, type CsvRecord } from './csv-records.js';
import type { CsvTable } from './csv-tables.js';
import { decodeChunks, detectEncoding, type CsvEncoding, type SupportedEncoding } from './text-decoding.js';

const READ_CHUNK = 1024 * 1024;

/** A CSV file as it will be read: its path and the encoding its bytes are decoded with. */
export interface CsvFile {
  readonly path: string;
  readonly encoding: SupportedEncoding;
}

/** `auto` becomes what the file's byte-order mark says, else UTF-8. */
export async function resolveCsvFile(path: string, encoding: CsvEncoding): Promise<CsvFile> {
  if (encoding !== 'auto') return { path, encoding };
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return { path, encoding: detectEncoding(head.subarray(0, bytesRead)) };
  } finally {
    await handle.close();
  }
}

/** The file's records, decoded and parsed; `onBytes` follows the bytes read, for progress. */
export async function* csvFileRecords(file: CsvFile, onBytes?: (bytes: number) => void): AsyncGenerator<CsvRecord> {
  const bytes = createReadStream(file.path, { highWaterMark: READ_CHUNK }) as AsyncIterable<Buffer>;
  async function* texts(): AsyncGenerator<string> {
    for await (const chunk of decodeChunks(bytes, file.encoding, basename(file.path))) {
      onBytes?.(chunk.bytesRead);
      yield chunk.text;
    }
  }
  yield* csvRecords(texts(), basename(file.path));
}

/**
 * Reads the whole file once, decoding and parsing it and mapping its header, before any row is
 * imported: a byte the encoding cannot hold or a broken quote on the last line refuses the file
 * (CsvEncodingError, CsvSyntaxError, ColumnMappingError) with nothing appended, instead of leaving
 * the first rows recorded and the rest not.
 */
export async function checkCsvFile(
  file: CsvFile,
  table: CsvTable,
  mapping: Readonly<Record<string, string>>,
): Promise<void> {
  let header = true;
  for await (const record of csvFileRecords(file)) {
    if (header) resolveColumns(table, record.fields, mapping);
    header = false;
  }
}

/**
 * Rows of a CSV table as import items: each row is mapped to the table's fields and turned into
 * an import line, which then goes through exactly the validation of a JSONL line. Line numbers
 * are the file's, header included, as a spreadsheet shows them.
 */
export async function* csvItems(
  records: AsyncIterable<CsvRecord>,
  table: CsvTable,
  mapping: Readonly<Record<string, string>>,
  actor: Actor,
): AsyncGenerator<ImportItem> {
  let columns: ReadonlyMap<string, number> | undefined;
  for await (const record of records) {
    if (columns === undefined) {
      columns = resolveColumns(table, record.fields, mapping);
      continue;
    }
    const values: Record<string, string> = {};
    for (const [field, index] of columns) {
      const cell = record.fields[index];
      if (cell !== undefined && cell.trim() !== '') values[field] = cell;
    }
    yield { line: record.line, value: table.toLine(values, actor) };
  }
}
