import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Session } from 'chdb';
import {
  AnalyticsQueryError,
  pageOf,
  parseJsonEachRow,
  sqlIdentifier,
  JsonCompactRowEncoder,
  ResourcePool,
  sqlValue,
  toJsonCompactEachRow,
  type AnalyticsRow,
  type AnalyticsStore,
  type AnalystLimits,
  type AnalystSession,
  type EngineCapabilities,
  type InsertOptions,
  type JsonPageBody,
  type QueryPage,
  type ScratchSession,
  type TableInsert,
} from '@presales/analytics';
import { ChdbSqlParser } from './gate/chdb-sql-parser.js';
import { snapshotFolder } from './sandbox/data-snapshot.js';
import { PlatformFirst } from './sandbox/platform-first.js';
import { SandboxedAnalystSession } from './sandbox/sandboxed-analyst-session.js';
import { availableIsolation, type WorkerIsolation } from './sandbox/worker-isolation.js';
import { Utf8Buffer } from './utf8-buffer.js';

export interface ChdbAnalyticsStoreOptions {
  /** Data folder. chDB locks it: one process at a time (DESIGN.md decision 2). */
  readonly path: string;
  /** Created if missing and used for every statement. */
  readonly database?: string;
  /**
   * Sessions that run SELECTs, hence how many run at once (decision 0014). Default: one per
   * core, at most 4.
   */
  readonly readSessions?: number;
}

/**
 * Settings pinned at connect instead of trusted from defaults (DESIGN.md decision 7):
 * chDB 26.7 ships async_insert=1, which would acknowledge rows before they are written and
 * ignore our deduplication tokens; 64-bit integers must come back as JSON numbers.
 */
const CONNECTION_ARGS = ['--async_insert=0', '--output_format_json_quote_64bit_integers=0', '--insert_deduplicate=1'];

export class ChdbAnalyticsStore implements AnalyticsStore {
  readonly engine = 'chdb';
  readonly capabilities: EngineCapabilities;

  static async open(options: ChdbAnalyticsStoreOptions): Promise<ChdbAnalyticsStore> {
    mkdirSync(options.path, { recursive: true });
    const database = options.database === undefined ? undefined : sqlIdentifier(options.database);
    const readSessions = options.readSessions ?? Math.min(4, availableParallelism());
    if (!Number.isInteger(readSessions) || readSessions < 1)
      throw new RangeError(
        `chDB store at ${options.path}: readSessions must be a positive integer, got ${readSessions}`,
      );
    const store = new ChdbAnalyticsStore(
      new Session(options.path, { connectionArgs: CONNECTION_ARGS }),
      options.path,
      database,
      readSessions,
    );
    if (database !== undefined) {
      await store.command(`CREATE DATABASE IF NOT EXISTS ${database}`);
      await store.command(`USE ${database}`);
    }
    return store;
  }

  /** Settles when every insert issued so far has finished, whether it failed or not. */
  private insertsDone: Promise<void> = Promise.resolve();

  /**
   * SELECTs run on these, side by side (decision 0014); DDL and inserts on `session`. Sessions
   * of one process share the engine: a read sees every insert that has settled.
   */
  private readonly reads: ResourcePool<Session>;

  /**
   * Where maturity copies the tables it reads, as temporary tables (decision 0040): writable,
   * unlike the read sessions, so it runs product SQL only. Two let a second request start while
   * one is running.
   */
  private readonly scratch: ResourcePool<Session>;

  /** The platform's reads come first: analyst workers wait while one runs (decision 0046). */
  private readonly platformFirst = new PlatformFirst();

  private constructor(
    private readonly session: Session,
    private readonly path: string,
    private readonly database: string | undefined,
    readSessions: number,
  ) {
    this.reads = new ResourcePool(
      { open: () => this.openReadSession(), close: closeSession },
      readSessions,
      `chDB read sessions at ${path}`,
    );
    this.scratch = new ResourcePool(
      { open: () => this.openSession(CONNECTION_ARGS), close: closeSession },
      2,
      `chDB scratch sessions at ${path}`,
    );
    this.capabilities = { insertDeduplicationToken: true, concurrentQueries: readSessions };
  }

  async withScratchSession<T>(work: (session: ScratchSession) => Promise<T>): Promise<T> {
    return this.platformFirst.during(() =>
      this.scratch.use((session) =>
        work({
          database: this.databaseName,
          command: async (sql) => {
            await this.run(sql, undefined, session);
          },
          // clickhouse-local runs a text of several statements one after the other, stopping at
          // the first that fails: one call instead of one per statement (decision 0050).
          commands: async (statements) => {
            if (statements.length > 0) await this.run(statementsText(statements), undefined, session);
          },
          query: async <Row extends object>(sql: string) =>
            parseJsonEachRow<Row>(await this.run(sql, 'JSONEachRow', session)),
        }),
      ),
    );
  }

  /**
   * Read sessions are read-only (decision 0024): KPI definitions are user SQL and run here after
   * the gate; should one get past it, the engine still refuses a write or a setting.
   */
  private openReadSession(): Promise<Session> {
    return this.openSession([...CONNECTION_ARGS, '--readonly=1']);
  }

  /** A session on this folder, in the store's database. */
  private async openSession(connectionArgs: readonly string[]): Promise<Session> {
    const session = new Session(this.path, { connectionArgs: [...connectionArgs] });
    if (this.database === undefined) return session;
    try {
      await session.queryAsync(`USE ${this.database}`);
      return session;
    } catch (error) {
      closeSession(session);
      throw new AnalyticsQueryError(
        this.engine,
        `USE ${this.database}`,
        `opening a session at ${this.path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /**
   * Analyst SQL runs in worker processes, each on a snapshot of this folder (decision 0024),
   * never on this process's engine: readonly=1 and the limits are the worker session's
   * connection arguments, so no statement can lift them (DESIGN.md decision 9), and the platform
   * kills a worker over its limits.
   */
  async openAnalystSession(
    limits: AnalystLimits,
    isolation: WorkerIsolation = availableIsolation(),
  ): Promise<AnalystSession> {
    return new SandboxedAnalystSession({
      dataPath: this.path,
      ...(this.database === undefined ? {} : { database: this.database }),
      limits,
      isolation,
      platformFirst: this.platformFirst,
      snapshot: (target, owner, spawner) =>
        this.betweenInserts(() => snapshotFolder(this.path, target, owner, spawner)),
    });
  }

  /** The database the tables are in: the one given at open, else chDB's `default`. */
  get databaseName(): string {
    return this.database ?? 'default';
  }

  /** A parser for the SQL gate on this process's engine (chDB allows one folder per process). */
  openSqlParser(): ChdbSqlParser {
    return ChdbSqlParser.open(this.path);
  }

  /** Runs `work` in the insert queue: no insert of this store writes while it runs. */
  private betweenInserts<T>(work: () => Promise<T>): Promise<T> {
    const done = this.insertsDone.then(work);
    this.insertsDone = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  }

  async command(sql: string): Promise<void> {
    await this.run(sql);
  }

  async query<Row extends object>(sql: string): Promise<Row[]> {
    return parseJsonEachRow<Row>(
      await this.platformFirst.during(() => this.reads.use((session) => this.run(sql, 'JSONEachRow', session))),
    );
  }

  /** The JSON format's own count of the rows before the LIMIT (see the port for when it is exact). */
  async queryPage<Row extends object>(sql: string): Promise<QueryPage<Row>> {
    const text = await this.platformFirst.during(() => this.reads.use((session) => this.run(sql, 'JSON', session)));
    return pageOf<Row>(JSON.parse(text) as JsonPageBody<Row>);
  }

  /**
   * Rows the caller already holds are encoded into one string, in JSONCompactEachRow: chDB
   * parses it markedly faster than JSONEachRow (ClickHouse 18.16 cannot read it, so the server
   * adapter keeps JSONEachRow). Queued like every insert (queueInsert).
   */
  insert(table: string, rows: readonly AnalyticsRow[], options: InsertOptions = {}): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    const { columns, body } = toJsonCompactEachRow(rows);
    const statement = `INSERT INTO ${sqlIdentifier(table)} (${columns.map(sqlIdentifier).join(', ')})${deduplicationSetting(options)} FORMAT JSONCompactEachRow`;
    return this.queueInsert(statement, () => this.session.queryAsync(`${statement}\n${body}`));
  }

  /**
   * Rows are encoded as they are added, in the same format, into memory off the JS heap, and
   * handed to chDB as bytes without a copy. The caller drops each row at once and the garbage
   * collector has no body to copy while a batch builds up, as it would a string body. Rows
   * already held in an array are cheaper as one string (`insert`): growing off-heap memory
   * makes V8 collect the caller's whole heap, which then holds them all.
   */
  beginInsert(table: string): TableInsert {
    const target = sqlIdentifier(table);
    const encoder = new JsonCompactRowEncoder();
    const body = new Utf8Buffer();
    let rowCount = 0;
    return {
      add: (row) => {
        body.append(`${encoder.encode(row)}\n`);
        rowCount += 1;
      },
      get rowCount() {
        return rowCount;
      },
      send: (options = {}) => {
        if (rowCount === 0) return Promise.resolve();
        const settings =
          options.deduplicationToken === undefined
            ? undefined
            : { insert_deduplication_token: options.deduplicationToken };
        const columns = encoder.columns.map(sqlIdentifier);
        const statement = `INSERT INTO ${target} (${columns.join(', ')})${deduplicationSetting(options)} FORMAT JSONCompactEachRow`;
        // chDB writes the same statement from these parts, quoting the token itself.
        return this.queueInsert(statement, () =>
          this.session.insert({
            table: target,
            columns,
            format: 'JSONCompactEachRow',
            values: body.bytes(),
            ...(settings && { settings }),
          }),
        );
      },
    };
  }

  /**
   * Inserts on this session run one at a time, in the order they were sent, each on chDB's own
   * thread: a caller may send a batch's inserts together and go on preparing the next batch.
   */
  private queueInsert(statement: string, insert: () => Promise<unknown>): Promise<void> {
    const inserted = this.insertsDone.then(insert).then(
      () => undefined,
      (error: unknown) => {
        throw new AnalyticsQueryError(this.engine, statement, error instanceof Error ? error.message : String(error));
      },
    );
    this.insertsDone = inserted.catch(() => undefined);
    return inserted;
  }

  async serverVersion(): Promise<string> {
    const [row] = await this.query<{ v: string }>('SELECT version() AS v');
    return row?.v ?? 'unknown';
  }

  /** Waits for queued inserts and for the queries running; refuses queries still waiting. */
  async close(): Promise<void> {
    await this.insertsDone;
    await this.reads.close();
    await this.scratch.close();
    closeSession(this.session);
  }

  private async run(sql: string, format?: string, session = this.session): Promise<string> {
    try {
      const result = await session.queryAsync(sql, format === undefined ? {} : { format });
      return result.text();
    } catch (error) {
      throw new AnalyticsQueryError(this.engine, sql, error instanceof Error ? error.message : String(error));
    }
  }
}

function closeSession(session: Session): void {
  if (session.open) session.close();
}

function deduplicationSetting(options: InsertOptions): string {
  return options.deduplicationToken === undefined
    ? ''
    : ` SETTINGS insert_deduplication_token = ${sqlValue(options.deduplicationToken)}`;
}

/**
 * Statements as one text chDB runs one after the other. A `;` inside one would run what follows
 * it as a statement of its own, so none may hold one; each `;` stands on a line of its own, so a
 * statement ending in a `--` comment does not comment out the `;` and join the next to it.
 */
function statementsText(statements: readonly string[]): string {
  statements.forEach((statement, i) => {
    if (statement.includes(';'))
      throw new RangeError(
        `chDB scratch statements: statement ${i + 1} holds a ; of its own, and would run as several: ${statement}`,
      );
  });
  return statements.join('\n;\n');
}
