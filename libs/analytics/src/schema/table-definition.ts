import type { EngineCapabilities } from '../analytics-store.port.js';
import { sqlIdentifier, sqlValue } from '../sql/escape.js';

export interface ColumnDefinition {
  readonly name: string;
  /** A type both engines know: String, UInt32, UInt64, DateTime('UTC'), Decimal(18, 4), … */
  readonly type: string;
}

/**
 * A read model table. Every one is ReplacingMergeTree(version) keyed by its entity, with
 * `version` = the `$all` position the row came from (DESIGN.md decision 7), so replaying a
 * batch can only write rows that FINAL collapses into the ones already there.
 */
export interface TableDefinition {
  readonly name: string;
  readonly columns: readonly ColumnDefinition[];
  readonly orderBy: readonly string[];
  /** Column whose hash picks the shard in cluster mode: the aggregate id. */
  readonly shardBy: string;
  readonly partitionBy?: string;
}

export interface DdlTarget {
  readonly capabilities: Pick<EngineCapabilities, 'insertDeduplicationToken'>;
  /** `CLICKHOUSE_CLUSTER`: ON CLUSTER DDL, replicated local tables and a Distributed table. */
  readonly cluster?: string;
  /** Database of the Distributed table's local tables (cluster mode). */
  readonly database?: string;
}

/** How many recent insert tokens a non-replicated table remembers for deduplication. */
export const DEDUPLICATION_WINDOW = 10_000;

export const VERSION_COLUMN: ColumnDefinition = { name: 'version', type: 'UInt64' };

/** The one function that turns a definition into DDL, single node or cluster (decision 8). */
export function createTableStatements(table: TableDefinition, target: DdlTarget): string[] {
  const columns = [...table.columns, VERSION_COLUMN].map((c) => `${sqlIdentifier(c.name)} ${c.type}`).join(',\n  ');
  const orderBy = table.orderBy.map(sqlIdentifier).join(', ');
  const partition = table.partitionBy === undefined ? '' : `\nPARTITION BY ${table.partitionBy}`;
  const name = sqlIdentifier(table.name);

  if (target.cluster === undefined) {
    const settings = target.capabilities.insertDeduplicationToken
      ? `\nSETTINGS non_replicated_deduplication_window = ${DEDUPLICATION_WINDOW}`
      : '';
    return [
      `CREATE TABLE IF NOT EXISTS ${name} (\n  ${columns}\n) ENGINE = ReplacingMergeTree(version)${partition}\nORDER BY (${orderBy})${settings}`,
    ];
  }

  // Every name carries its database: each node runs an ON CLUSTER statement in its own default
  // database, not in the one the statement was sent from.
  const cluster = sqlIdentifier(target.cluster);
  const database = sqlIdentifier(target.database ?? 'default');
  const local = `${name}_local`;
  const zooPath = sqlValue(`/clickhouse/tables/{shard}/${database}/${local}`);
  return [
    `CREATE TABLE IF NOT EXISTS ${database}.${local} ON CLUSTER ${cluster} (\n  ${columns}\n) ENGINE = ReplicatedReplacingMergeTree(${zooPath}, '{replica}', version)${partition}\nORDER BY (${orderBy})`,
    `CREATE TABLE IF NOT EXISTS ${database}.${name} ON CLUSTER ${cluster} AS ${database}.${local}\nENGINE = Distributed(${cluster}, ${database}, ${local}, cityHash64(${sqlIdentifier(table.shardBy)}))`,
  ];
}

/** The DROP statements matching `createTableStatements` (a rebuild drops, then migrates again). */
export function dropTableStatements(table: TableDefinition, target: DdlTarget): string[] {
  const name = sqlIdentifier(table.name);
  if (target.cluster === undefined) return [`DROP TABLE IF EXISTS ${name}`];
  const cluster = sqlIdentifier(target.cluster);
  const database = sqlIdentifier(target.database ?? 'default');
  return [
    `DROP TABLE IF EXISTS ${database}.${name} ON CLUSTER ${cluster}`,
    `DROP TABLE IF EXISTS ${database}.${name}_local ON CLUSTER ${cluster}`,
  ];
}
