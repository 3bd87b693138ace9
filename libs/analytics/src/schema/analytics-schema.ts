import { MIGRATIONS_TABLE } from './migrations.js';
import { columnMeaning } from './meanings/column-meanings.js';
import type { Bilingual } from './meanings/bilingual.js';
import { TABLE_MEANINGS } from './meanings/table-meanings.js';
import { VERSION_COLUMN, type ColumnDefinition, type TableDefinition } from './table-definition.js';
import { PROJECTED_TABLES } from './tables.js';

export interface DescribedColumn {
  readonly name: string;
  readonly type: string;
  readonly meaning: Bilingual;
}

export interface DescribedTable {
  readonly name: string;
  readonly meaning: Bilingual;
  /** The sorting key: what a WHERE or ORDER BY reads fastest. */
  readonly orderBy: readonly string[];
  readonly columns: readonly DescribedColumn[];
}

/** The migrations table as `migrate` creates it; the gate lets analysts read it too. */
const MIGRATIONS_TABLE_DEFINITION: TableDefinition = {
  name: MIGRATIONS_TABLE,
  columns: [
    { name: 'id', type: 'UInt32' },
    { name: 'name', type: 'String' },
    { name: 'applied_at', type: "DateTime('UTC')" },
  ],
  orderBy: ['id'],
  shardBy: 'id',
};

/** A column or table with no meaning written down: the schema is not published half-said. */
export class UndescribedSchemaError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(`analytics schema: no meaning in both languages for ${missing.join(', ')}`);
    this.name = 'UndescribedSchemaError';
  }
}

/**
 * Every table an analyst may read, with the meaning of each column in both languages, generated
 * from the table definitions the projector creates (one source for the DDL, the gate and
 * `GET /api/sql/schema`). Throws when any meaning is missing, naming every one.
 */
export function describeAnalyticsSchema(
  tables: readonly TableDefinition[] = [...PROJECTED_TABLES, MIGRATIONS_TABLE_DEFINITION],
): DescribedTable[] {
  const missing: string[] = [];
  const described = tables.map((table) => {
    const meaning = TABLE_MEANINGS[table.name];
    if (meaning === undefined) missing.push(table.name);
    const stored: readonly ColumnDefinition[] =
      table.name === MIGRATIONS_TABLE ? table.columns : [...table.columns, VERSION_COLUMN];
    const columns = stored.map((column) => {
      const columnMeaningOf = columnMeaning(table.name, column.name);
      if (columnMeaningOf === undefined) missing.push(`${table.name}.${column.name}`);
      return { name: column.name, type: column.type, meaning: columnMeaningOf ?? { en: '', 'zh-CN': '' } };
    });
    return { name: table.name, meaning: meaning ?? { en: '', 'zh-CN': '' }, orderBy: table.orderBy, columns };
  });
  if (missing.length > 0) throw new UndescribedSchemaError(missing);
  return described;
}
