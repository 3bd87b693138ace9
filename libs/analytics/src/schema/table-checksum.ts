import type { AnalyticsStore } from '../analytics-store.port.js';
import { sqlIdentifier } from '../sql/escape.js';
import { VERSION_COLUMN, type TableDefinition } from './table-definition.js';

export interface TableChecksum {
  readonly table: string;
  readonly rows: number;
  /** Order-independent: the sum of every current row's hash, as a decimal string. */
  readonly checksum: string;
}

/** Row count and content checksum of a table's current rows (FINAL), to compare two projections. */
export async function tableChecksum(store: AnalyticsStore, table: TableDefinition): Promise<TableChecksum> {
  const columns = [...table.columns, VERSION_COLUMN].map((c) => sqlIdentifier(c.name)).join(', ');
  const [row] = await store.query<{ rows: number; checksum: string }>(
    `SELECT count() AS rows, toString(sum(cityHash64(${columns}))) AS checksum FROM ${sqlIdentifier(table.name)} FINAL`,
  );
  return { table: table.name, rows: Number(row?.rows ?? 0), checksum: row?.checksum ?? '0' };
}
