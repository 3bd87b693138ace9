import type { CsvTable } from './csv-tables.js';

/** The CSV header or mapping does not fit the table: the import stops before reading rows. */
export class ColumnMappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ColumnMappingError';
  }
}

/** `Customer Name` and `customer_name` both match a field `customerName`. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Which column feeds which field. Explicit entries (`--map "Column=field"` or a mapping file)
 * win; every other column whose header matches a field name (case, spaces, `_` and `-` ignored)
 * maps to it. A mapping to an unknown field, a column missing from the header, and a required
 * field without a column are errors naming them.
 */
export function resolveColumns(
  table: CsvTable,
  header: readonly string[],
  explicit: Readonly<Record<string, string>>,
): ReadonlyMap<string, number> {
  const columns = new Map<string, number>();
  const headerIndex = new Map(header.map((name, index) => [name.trim(), index]));
  for (const [column, field] of Object.entries(explicit)) {
    if (!table.fields.includes(field))
      throw new ColumnMappingError(
        `mapping ${column}=${field}: ${table.name} has no field ${field}; fields: ${table.fields.join(', ')}`,
      );
    const index = headerIndex.get(column.trim());
    if (index === undefined)
      throw new ColumnMappingError(
        `mapping ${column}=${field}: the header has no column ${JSON.stringify(column)}; columns: ${header.join(', ')}`,
      );
    columns.set(field, index);
  }
  const mappedColumns = new Set(columns.values());
  header.forEach((name, index) => {
    if (mappedColumns.has(index)) return;
    const field = table.fields.find((candidate) => normalise(candidate) === normalise(name));
    if (field !== undefined && !columns.has(field)) columns.set(field, index);
  });
  const missing = table.required.filter((field) => !columns.has(field));
  if (missing.length > 0) {
    throw new ColumnMappingError(
      `${table.name}: no column for ${missing.join(', ')}; map one with --map "Column=field" (header: ${header.join(', ')})`,
    );
  }
  return columns;
}

/** `"Customer Name=customer,Owner=salesOwnerId"` → { 'Customer Name': 'customer', Owner: 'salesOwnerId' }. */
export function parseMapOption(text: string): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const pair of text.split(',')) {
    if (pair.trim() === '') continue;
    const equals = pair.lastIndexOf('=');
    if (equals <= 0) throw new ColumnMappingError(`--map ${JSON.stringify(pair)}: expected Column=field`);
    mapping[pair.slice(0, equals).trim()] = pair.slice(equals + 1).trim();
  }
  return mapping;
}
