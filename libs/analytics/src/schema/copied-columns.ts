import type { AnalyticsStore } from '../analytics-store.port.js';
import { copiedColumnNames, type FactTable } from '../projection/fact-table.js';
import { FACT_TABLE_BY_EVENT_TYPE, FACT_TABLES } from '../projection/facts/index.js';
import { columnOf } from '../projection/fact-columns.js';
import { sqlIdentifier } from '../sql/escape.js';
import { VERSION_COLUMN, type DdlTarget } from './table-definition.js';

/**
 * The statements that give a store created before a fact table's copied columns (decision 0016)
 * those columns, filled with what the projection now writes: each row joined with the earlier
 * event's row, and inserted again with the same version. Among rows of equal key and version,
 * ReplacingMergeTree keeps the last inserted, on ClickHouse 18.16 as on chDB, so FINAL reads the
 * filled row at once; OPTIMIZE then merges the old one away for reads without FINAL.
 *
 * Only columns the store lacks are added (18.16 has no ADD COLUMN IF NOT EXISTS), but every
 * copying table is filled, whatever was added: a run cut short after its ALTERs, or inside an
 * insert, is finished by the next, which fills the same rows again (on a store created with the
 * columns, its tables are empty).
 */
export async function copiedColumnStatements(
  store: AnalyticsStore,
  target: DdlTarget,
  /** Only these fact tables (a later migration's new copies); every copying table when absent. */
  only?: ReadonlySet<string>,
): Promise<string[]> {
  const existing = await existingColumns(store);
  const statements: string[] = [];
  for (const fact of FACT_TABLES) {
    const copied = copiedColumnNames(fact);
    if (copied.size === 0 || (only !== undefined && !only.has(fact.table.name))) continue;
    for (const name of target.cluster === undefined
      ? [fact.table.name]
      : [`${fact.table.name}_local`, fact.table.name]) {
      const have = existing.get(name);
      if (have === undefined)
        throw new Error(
          `${name} does not exist: migration 0002 creates every fact table before 0004 fills their copied columns`,
        );
      const missing = fact.table.columns.filter((column) => !have.has(column.name));
      const uncopied = missing.filter((column) => !copied.has(column.name));
      if (uncopied.length > 0)
        throw new Error(
          `${name} lacks ${uncopied.map((c) => c.name).join(', ')}, which no earlier event fills: that needs a migration of its own`,
        );
      for (const column of missing)
        statements.push(addColumn(name, `${sqlIdentifier(column.name)} ${column.type}`, target));
    }
    statements.push(backfill(fact, copied, target), ...optimize(fact.table.name, target));
  }
  return statements;
}

/** Column names of every table of the database, by table. */
async function existingColumns(store: AnalyticsStore): Promise<Map<string, Set<string>>> {
  const rows = await store.query<{ table: string; name: string }>(
    'SELECT table, name FROM system.columns WHERE database = currentDatabase()',
  );
  const byTable = new Map<string, Set<string>>();
  for (const { table, name } of rows) byTable.set(table, (byTable.get(table) ?? new Set()).add(name));
  return byTable;
}

function addColumn(table: string, column: string, target: DdlTarget): string {
  if (target.cluster === undefined) return `ALTER TABLE ${sqlIdentifier(table)} ADD COLUMN ${column}`;
  return `ALTER TABLE ${sqlIdentifier(target.database ?? 'default')}.${sqlIdentifier(table)} ON CLUSTER ${sqlIdentifier(target.cluster)} ADD COLUMN ${column}`;
}

/**
 * On one node, merge the replaced rows away now. On a cluster, nothing: ClickHouse 18.16 fails
 * `OPTIMIZE … FINAL` of a replicated table whose shard has no parts to merge ("Unknown log entry
 * type: 0"), a fresh or half-filled cluster always has such a shard, and every statement after
 * it on that table failed the same way. The product reads through FINAL (the `{{table}}` macro),
 * so the replaced row is never in an answer, and background merges remove it (decision 0028).
 */
function optimize(table: string, target: DdlTarget): string[] {
  return target.cluster === undefined ? [`OPTIMIZE TABLE ${sqlIdentifier(table)} FINAL`] : [];
}

/**
 * INSERT … SELECT of every row of `fact` with its `missing` columns read from the earlier event's
 * row: of the same entity (stream), and with the same match field when the lookup has one.
 * ClickHouse 18.16 joins once per SELECT, hence one lookup per table. The join takes any row of
 * the entity (and match) where the projection takes the stream's first event (or the latest
 * match): the same row, since the domain creates an entity once and a request or an assignment
 * once. In cluster mode both tables are sharded by entity, so each shard joins its own rows
 * (distributed_product_mode = 'local'), and the insert returns once the rows are on their
 * shards (test/e2e's cluster suite migrates a filled cluster).
 */
export function backfill(fact: FactTable, missing: ReadonlySet<string>, target?: Pick<DdlTarget, 'cluster'>): string {
  const copied = fact.payloadColumns.filter((column) => missing.has(column.name));
  const lookups = new Set(copied.map((column) => column.copiedFrom!.lookup));
  if (lookups.size !== 1)
    throw new Error(`${fact.table.name}: a backfill copies from one earlier event, not ${lookups.size}`);
  const [lookup] = lookups;
  const source = FACT_TABLE_BY_EVENT_TYPE.get(lookup!.type);
  if (source === undefined) throw new Error(`${fact.table.name}: no fact table for ${lookup!.type}`);
  const keys = ['entity_id', ...(lookup!.matchOn === undefined ? [] : [columnOf(lookup!.matchOn)])];
  for (const key of keys) {
    for (const table of [fact, source]) {
      if (!table.table.columns.some((column) => column.name === key))
        throw new Error(`${table.table.name} has no column ${key} to join a backfill on`);
    }
  }
  const alias = (name: string) => sqlIdentifier(`copied__${name}`);
  const sourceColumns = copied.map((column) => {
    const from = column.copiedFrom!.column;
    if (!source.table.columns.some((c) => c.name === from))
      throw new Error(`${fact.table.name}.${column.name} copies ${source.table.name}.${from}, which does not exist`);
    return `${sqlIdentifier(from)} AS ${alias(column.name)}`;
  });
  const all = [...fact.table.columns, VERSION_COLUMN].map((column) => column.name);
  const values = all.map((name) => (missing.has(name) ? alias(name) : `x.${sqlIdentifier(name)}`));
  const on = keys.map(sqlIdentifier).join(', ');
  return [
    `INSERT INTO ${sqlIdentifier(fact.table.name)} (${all.map(sqlIdentifier).join(', ')})`,
    `SELECT ${values.join(', ')}`,
    `FROM ${sqlIdentifier(fact.table.name)} AS x FINAL`,
    `ANY LEFT JOIN (SELECT ${on}, ${sourceColumns.join(', ')} FROM ${sqlIdentifier(source.table.name)} FINAL) AS earlier USING (${on})`,
    ...(target?.cluster === undefined
      ? []
      : ["SETTINGS distributed_product_mode = 'local', insert_distributed_sync = 1"]),
  ].join('\n');
}
