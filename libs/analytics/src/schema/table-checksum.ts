import type { AnalyticsStore } from '../analytics-store.port.js';
import { sqlIdentifier } from '../sql/escape.js';
import { VERSION_COLUMN, type ColumnDefinition, type TableDefinition } from './table-definition.js';

export interface TableChecksum {
  readonly table: string;
  readonly rows: number;
  /** Order-independent: the sum of every current row's hash, as a decimal string. */
  readonly checksum: string;
}

/** Row count and content checksum of a table's current rows (FINAL), to compare two projections. */
export async function tableChecksum(store: AnalyticsStore, table: TableDefinition): Promise<TableChecksum> {
  const columns = [...table.columns, VERSION_COLUMN].map(hashable).join(', ');
  const [row] = await store.query<{ rows: number; checksum: string }>(
    `SELECT count() AS rows, toString(sum(cityHash64(${columns}))) AS checksum FROM ${sqlIdentifier(table.name)} FINAL`,
  );
  return { table: table.name, rows: Number(row?.rows ?? 0), checksum: row?.checksum ?? '0' };
}

/** ClickHouse 18.16 hashes neither decimals nor NULL: hash their text instead. */
function hashable(column: ColumnDefinition): string {
  const name = sqlIdentifier(column.name);
  if (column.type.startsWith('Nullable')) return `ifNull(toString(${name}), '(null)')`;
  if (column.type.startsWith('Decimal')) return `toString(${name})`;
  return name;
}
