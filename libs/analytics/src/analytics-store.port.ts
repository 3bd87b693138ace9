import type { GatedSql } from './analyst/gate/sql-gate.js';
import {
  engineErrorDetails,
  STATEMENT_ERROR_CODES,
  UNAVAILABLE_ERROR_CODES,
  type EngineErrorDetails,
} from './engine-error.js';

/** What an engine can do beyond the common dialect of DESIGN.md decision 8. */
export interface EngineCapabilities {
  /**
   * `insert_deduplication_token` plus `non_replicated_deduplication_window` (ClickHouse ≥ 22).
   * Without it (ClickHouse 18.16) a replayed batch is absorbed by ReplacingMergeTree(version)
   * and FINAL alone, which gives the same query results.
   */
  readonly insertDeduplicationToken: boolean;
  /**
   * How many SELECTs the store runs at the same time. A caller with many independent queries
   * (a scorecard's KPIs) sends them as this many statements at once rather than as one.
   */
  readonly concurrentQueries: number;
}

export interface InsertOptions {
  /** `<projection>:<fromPosition>-<toPosition>` (DESIGN.md decision 7). */
  readonly deduplicationToken?: string;
}

/**
 * An exact decimal for a `Decimal(P, S)` column, written unquoted: ClickHouse 18.16 parses a
 * JSON number into a Decimal but not a string, and a JS number would lose digits.
 */
export class SqlDecimal {
  constructor(readonly text: string) {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`SqlDecimal: ${JSON.stringify(text)} is not a decimal`);
  }
}

export type AnalyticsValue = string | number | null | SqlDecimal | readonly string[];
export type AnalyticsRow = Readonly<Record<string, AnalyticsValue>>;

/**
 * One table's insert, built row by row. An engine may encode each row as it is added, so the
 * caller can let the row go at once: a large batch then never holds all its rows as objects,
 * which kept the garbage collector copying them for most of a rebuild.
 */
export interface TableInsert {
  /** Every row of one insert has the same columns. */
  add(row: AnalyticsRow): void;
  readonly rowCount: number;
  /** Sends the rows added, if any; settles when they are in. Call it once. */
  send(options?: InsertOptions): Promise<void>;
}

/**
 * The analytics store (DESIGN.md decisions 1, 2, 8): chDB in-process or a ClickHouse server.
 * Every statement given here is product SQL in the common dialect, with values inlined only
 * through `sqlValue`.
 */
/** One shard of a cluster: it can answer while one of its replicas does. */
export interface ShardHealth {
  /** The shard's number in the cluster's remote_servers, from 1. */
  readonly shard: number;
  readonly replicas: readonly { readonly address: string; readonly ok: boolean; readonly error?: string }[];
}

/** One page of a sorted SELECT and the number of rows it was cut from. */
export interface QueryPage<Row extends object> {
  readonly rows: Row[];
  readonly total: number;
}

export interface AnalyticsStore {
  readonly engine: 'chdb' | 'clickhouse';
  readonly capabilities: EngineCapabilities;
  /** A statement without a result (DDL). */
  command(sql: string): Promise<void>;
  /**
   * A SELECT; rows as JSON objects, 64-bit integers as numbers. It may run on another connection
   * than `command` and `insert`, beside other queries (`capabilities.concurrentQueries`): it sees
   * every insert that has settled, but no session state (SET, USE, temporary tables) of theirs.
   */
  query<Row extends object>(sql: string): Promise<Row[]>;
  /**
   * A SELECT whose outermost step sorts what a subquery gives, `SELECT … FROM (…) ORDER BY …
   * LIMIT [offset,] n`: the page's rows, and how many rows the statement had before its LIMIT, as
   * the engine counted them while sorting (one statement, not a second one counting the same
   * work). Exact only when the sort must take in every row: not for an ORDER BY on a table's own
   * key (the read may stop early) nor an outer FROM of a Distributed table (each shard sends at
   * most offset + n rows). Without a LIMIT, `total` is the number of rows.
   */
  queryPage<Row extends object>(sql: string): Promise<QueryPage<Row>>;
  insert(table: string, rows: readonly AnalyticsRow[], options?: InsertOptions): Promise<void>;
  beginInsert(table: string): TableInsert;
  serverVersion(): Promise<string>;
  /**
   * On a cluster (CLICKHOUSE_CLUSTER): each shard and whether each of its replicas answers now,
   * asked every time. Absent on a single node, which `serverVersion` already vouches for.
   */
  shardHealth?(): Promise<readonly ShardHealth[]>;
  /**
   * Where analysts' ad-hoc SQL runs, kept read-only by the engine itself (DESIGN.md decision 9):
   * readonly=1 set when the session or user is created, never per query. On chDB each query runs
   * in a worker process of its own (decision 0024).
   */
  openAnalystSession(limits: AnalystLimits): Promise<AnalystSession>;
  /**
   * Runs `work` on a session of its own, where it may create temporary tables and read them
   * back (decision 0040): a question that reads a table several times copies it once. Product
   * SQL only, never user SQL: the session can write its temporary tables. They vanish with it.
   */
  withScratchSession<T>(work: (session: ScratchSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** One session's statements, run one after the other on the same connection (decision 0040). */
export interface ScratchSession {
  /**
   * The database of the store's tables, for a statement to name: ClickHouse 18.16 reads the
   * SELECT of `CREATE TEMPORARY TABLE … AS SELECT` in `default`, whatever the session's database.
   */
  readonly database: string;
  /** CREATE TEMPORARY TABLE … AS SELECT, DROP TEMPORARY TABLE. */
  command(sql: string): Promise<void>;
  /**
   * Several such statements, in order, sent to the engine as one text where it runs them so
   * (chDB, as clickhouse-local does): a statement's fixed cost on chDB is a few milliseconds,
   * and a maturity makes and drops ~40 copies (decision 0050). Stops at the first that fails.
   * The statements hold no `;` of their own (refused: it would run what follows as another).
   * Absent where each must go alone (a server's HTTP interface runs one statement a request):
   * the caller sends them with `command`.
   */
  commands?(statements: readonly string[]): Promise<void>;
  query<Row extends object>(sql: string): Promise<Row[]>;
  /**
   * A statement holding user SQL (KPI definitions, decision 0045) that reads this session's
   * copies, which the templates' table macro named `copyReads` times. A gated store passes it
   * through the gate first, the copies counting as the analytics tables they copy, and refuses
   * it unless the engine's parse finds exactly `copyReads` names of copies, each where a table
   * goes. Absent where there is no gate: the caller sends it with `query`.
   */
  queryUserSql?<Row extends object>(sql: string, copyReads: number): Promise<Row[]>;
}

/** Applied by chDB at session creation; a ClickHouse server takes them from the analyst user's profile. */
export interface AnalystLimits {
  readonly maxExecutionSeconds: number;
  readonly maxResultRows: number;
  readonly maxMemoryBytes: number;
  /**
   * An export (`stream`) is held by no one, so it may be longer and larger than an answer: its own
   * row and time limits (decision 0030); the memory limit, read-only and the gate are the same.
   */
  readonly export: { readonly maxResultRows: number; readonly maxExecutionSeconds: number };
}

export interface AnalystResult {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly Record<string, unknown>[];
  readonly rowsRead: number;
  readonly elapsedMs: number;
}

export interface AnalystSession {
  /** Runs a statement that passed the gate (`runAnalystSql` passes it there first). */
  query(sql: GatedSql): Promise<AnalystResult>;
  /**
   * Runs a statement that passed the gate and hands its rows over as the engine writes them, for
   * exports (decision 0030). Resolves once the engine has named the columns, so a refusal before
   * the first row is a rejection; one later ends the iteration with an AnalyticsQueryError.
   */
  stream(sql: GatedSql): Promise<AnalystRowStream>;
  close(): Promise<void>;
}

/** An analyst result read row by row: the columns first, then each row's values in their order. */
export interface AnalystRowStream {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: AsyncIterable<readonly unknown[]>;
  /** Stops the query and frees what it holds (the reader went away); the iteration ends. */
  cancel(): void;
}

/** The engine's `FORMAT JSON` body, as both chDB and ClickHouse 18.16 write it. */
export interface JsonFormatBody {
  readonly meta: readonly { readonly name: string; readonly type: string }[];
  readonly data: readonly Record<string, unknown>[];
  readonly statistics?: { readonly elapsed?: number; readonly rows_read?: number };
}

/** What a page (`AnalyticsStore.queryPage`) reads of the engine's `JSON` output format. */
export interface JsonPageBody<Row extends object> {
  readonly data: Row[];
  /** Present when the statement has a LIMIT: the rows it had before it. */
  readonly rows_before_limit_at_least?: number;
}

export function pageOf<Row extends object>(body: JsonPageBody<Row>): QueryPage<Row> {
  return { rows: body.data, total: body.rows_before_limit_at_least ?? body.data.length };
}

export function toAnalystResult(body: JsonFormatBody): AnalystResult {
  return {
    columns: body.meta.map(({ name, type }) => ({ name, type })),
    rows: body.data,
    rowsRead: body.statistics?.rows_read ?? 0,
    elapsedMs: Math.round((body.statistics?.elapsed ?? 0) * 1000),
  };
}

/**
 * A failure reported by the engine, with the statement that caused it and the engine's error code
 * and type (see engineErrorDetails: the ClickHouse client takes them out of the message).
 */
export class AnalyticsQueryError extends Error {
  readonly code: number | undefined;
  readonly type: string | undefined;

  constructor(
    readonly engine: string,
    readonly sql: string,
    readonly engineMessage: string,
    details: EngineErrorDetails = engineErrorDetails(engineMessage),
  ) {
    super(
      `${engine}: ${details.code === undefined || CODE_PREFIX.test(engineMessage) ? '' : `Code: ${details.code}${details.type === undefined ? '' : ` (${details.type})`}. `}${firstLine(engineMessage)} — in: ${sql.replace(/\s+/g, ' ').slice(0, 200)}`,
    );
    this.name = 'AnalyticsQueryError';
    this.code = details.code;
    this.type = details.type;
  }

  /**
   * The store, or part of it, could not be reached: no engine answered at all (every node down),
   * or it answered that a shard or ZooKeeper is (UNAVAILABLE_ERROR_CODES). Not the statement's fault.
   */
  get storeUnavailable(): boolean {
    return this.code === undefined
      ? /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|socket hang up|Timeout error|cannot reach/i.test(this.engineMessage)
      : UNAVAILABLE_ERROR_CODES.has(this.code);
  }

  /** The statement's own SQL is at fault (STATEMENT_ERROR_CODES), not the store. */
  get statementFault(): boolean {
    return this.code !== undefined && STATEMENT_ERROR_CODES.has(this.code);
  }
}

const CODE_PREFIX = /\bCode: \d+/;

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
