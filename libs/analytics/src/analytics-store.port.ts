/** What an engine can do beyond the common dialect of DESIGN.md decision 8. */
export interface EngineCapabilities {
  /**
   * `insert_deduplication_token` plus `non_replicated_deduplication_window` (ClickHouse ≥ 22).
   * Without it (ClickHouse 18.16) a replayed batch is absorbed by ReplacingMergeTree(version)
   * and FINAL alone, which gives the same query results.
   */
  readonly insertDeduplicationToken: boolean;
}

export interface InsertOptions {
  /** `<projection>:<fromPosition>-<toPosition>` (DESIGN.md decision 7). */
  readonly deduplicationToken?: string;
}

export type AnalyticsRow = Readonly<Record<string, string | number | null>>;

/**
 * The analytics store (DESIGN.md decisions 1, 2, 8): chDB in-process or a ClickHouse server.
 * Every statement given here is product SQL in the common dialect, with values inlined only
 * through `sqlValue`.
 */
export interface AnalyticsStore {
  readonly engine: 'chdb' | 'clickhouse';
  readonly capabilities: EngineCapabilities;
  /** A statement without a result (DDL). */
  command(sql: string): Promise<void>;
  /** A SELECT; rows as JSON objects, 64-bit integers as numbers. */
  query<Row extends object>(sql: string): Promise<Row[]>;
  insert(table: string, rows: readonly AnalyticsRow[], options?: InsertOptions): Promise<void>;
  serverVersion(): Promise<string>;
  close(): Promise<void>;
}

/** A failure reported by the engine, with the statement that caused it. */
export class AnalyticsQueryError extends Error {
  constructor(
    readonly engine: string,
    readonly sql: string,
    readonly engineMessage: string,
  ) {
    super(`${engine}: ${firstLine(engineMessage)} — in: ${sql.replace(/\s+/g, ' ').slice(0, 200)}`);
    this.name = 'AnalyticsQueryError';
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
