import { AnalyticsQueryError, type AnalyticsStore } from '../analytics-store.port.js';
import { sqlIdentifier, sqlValue, toSqlDateTime } from '../sql/escape.js';
import { createTableStatements, type DdlTarget, type TableDefinition } from './table-definition.js';
import { FACT_TABLES } from '../projection/facts/index.js';
import { copiedColumnStatements } from './copied-columns.js';
import { CHECKPOINTS_TABLE_DEFINITION, EVENTS_TABLE } from './tables.js';
import { weekLoadMigrationStatements } from '../projection/week-load/week-load-backfill.js';
import { KEPT_VALUE_TABLES } from '../kpis/kept/kept-value-tables.js';

export interface Migration {
  /** Strictly increasing; never reuse or reorder an id once released. */
  readonly id: number;
  readonly name: string;
  /** What to run; a migration that depends on what the store holds reads it first. */
  readonly statements: (target: DdlTarget, store: AnalyticsStore) => string[] | Promise<string[]>;
}

const createTables =
  (...tables: TableDefinition[]) =>
  (target: DdlTarget) =>
    tables.flatMap((table) => createTableStatements(table, target));

export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: '0001_events', statements: createTables(EVENTS_TABLE) },
  { id: 2, name: '0002_fact_tables', statements: createTables(...FACT_TABLES.map((fact) => fact.table)) },
  { id: 3, name: '0003_projection_checkpoints', statements: createTables(CHECKPOINTS_TABLE_DEFINITION) },
  { id: 4, name: '0004_copied_columns', statements: (target, store) => copiedColumnStatements(store, target) },
  { id: 5, name: '0005_consultant_week_load', statements: (target) => weekLoadMigrationStatements(target) },
  {
    id: 6,
    name: '0006_completion_consultants',
    // Who took part in a completed activity, copied from its scheduling (decision 0048).
    statements: (target, store) => copiedColumnStatements(store, target, new Set(['activity_completed'])),
  },
  // KPI values kept per period (decision 0054): filled by the platform in the background, with progress.
  { id: 7, name: '0007_kept_kpi_values', statements: createTables(...KEPT_VALUE_TABLES) },
];

export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * The bookkeeping table. On a cluster, one replicated table whose every node holds every row (one
 * ZooKeeper path for all shards): a platform that fails over to another node finds the
 * migrations already applied there.
 */
function createMigrationsTable(target: Omit<DdlTarget, 'capabilities'>): string {
  const columns = `(id UInt32, name String, applied_at DateTime('UTC'))`;
  if (target.cluster === undefined)
    return `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} ${columns} ENGINE = ReplacingMergeTree ORDER BY id`;
  const database = sqlIdentifier(target.database ?? 'default');
  const zooPath = sqlValue(`/clickhouse/tables/all/${database}/${MIGRATIONS_TABLE}`);
  return `CREATE TABLE IF NOT EXISTS ${database}.${MIGRATIONS_TABLE} ON CLUSTER ${sqlIdentifier(target.cluster)} ${columns} ENGINE = ReplicatedReplacingMergeTree(${zooPath}, '{replica}') ORDER BY id`;
}

/** The DROP matching `createMigrationsTable` (a rebuild drops it with the projected tables). */
export function dropMigrationsTable(target: Omit<DdlTarget, 'capabilities'>): string {
  if (target.cluster === undefined) return `DROP TABLE IF EXISTS ${MIGRATIONS_TABLE}`;
  return `DROP TABLE IF EXISTS ${sqlIdentifier(target.database ?? 'default')}.${MIGRATIONS_TABLE} ON CLUSTER ${sqlIdentifier(target.cluster)}`;
}

export class MigrationFailedError extends Error {
  constructor(
    readonly migration: string,
    readonly engineMessage: string,
  ) {
    super(`analytics migration ${migration} failed: ${engineMessage}`);
    this.name = 'MigrationFailedError';
  }
}

/**
 * Applies each migration not yet recorded, in id order. Every statement is idempotent (IF NOT
 * EXISTS, or chosen from what the store holds), so a migration interrupted before it was
 * recorded is safe to run again.
 */
export async function migrate(
  store: AnalyticsStore,
  target: Omit<DdlTarget, 'capabilities'> = {},
  migrations = MIGRATIONS,
): Promise<string[]> {
  const ddlTarget: DdlTarget = { ...target, capabilities: store.capabilities };
  await store.command(createMigrationsTable(target));
  const applied = new Set(
    (await store.query<{ id: number }>(`SELECT id FROM ${MIGRATIONS_TABLE} FINAL`)).map((row) => Number(row.id)),
  );
  const ran: string[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
    if (applied.has(migration.id)) continue;
    try {
      for (const statement of await migration.statements(ddlTarget, store)) await store.command(statement);
    } catch (error) {
      throw new MigrationFailedError(
        migration.name,
        error instanceof AnalyticsQueryError ? error.engineMessage : String(error),
      );
    }
    await store.command(
      `INSERT INTO ${MIGRATIONS_TABLE} (id, name, applied_at) VALUES (${migration.id}, ${sqlValue(migration.name)}, ${sqlValue(toSqlDateTime(new Date()))})`,
    );
    ran.push(migration.name);
  }
  return ran;
}
