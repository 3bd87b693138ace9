import type { Actor } from '@presales/domain';
import type { ImportItem } from '../import/event-importer.js';
import { resolveColumns } from './column-mapping.js';
import { csvRows } from './csv-rows.js';
import type { CsvTable } from './csv-tables.js';

/**
 * Rows of a CSV table as import items: each row is mapped to the table's fields and turned into
 * an import line, which then goes through exactly the validation of a JSONL line. Line numbers
 * are the file's, header included, as a spreadsheet shows them.
 */
export async function* csvItems(chunks: AsyncIterable<string>, table: CsvTable, mapping: Readonly<Record<string, string>>, actor: Actor): AsyncGenerator<ImportItem> {
  let columns: ReadonlyMap<string, number> | undefined;
  for await (const row of csvRows(chunks)) {
    if (row.kind === 'bad') {
      yield { rejection: { line: row.line, code: 'invalid_envelope', reason: row.reason } };
      continue;
    }
    if (columns === undefined) {
      columns = resolveColumns(table, row.fields, mapping);
      continue;
    }
    const values: Record<string, string> = {};
    for (const [field, index] of columns) {
      const cell = row.fields[index];
      if (cell !== undefined && cell.trim() !== '') values[field] = cell;
    }
    yield { line: row.line, value: table.toLine(values, actor) };
  }
}
