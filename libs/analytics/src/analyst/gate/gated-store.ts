import type {
  AnalyticsRow,
  AnalyticsStore,
  AnalystLimits,
  AnalystSession,
  InsertOptions,
  QueryPage,
  ScratchSession,
  TableInsert,
} from '../../analytics-store.port.js';
import { scratchTableOf } from '../../schema/scratch-tables.js';
import { AnalystSqlRejectedError } from '../analyst-sql-policy.js';
import type { SqlGate } from '../run-analyst-sql.js';
import type { GatePolicy } from './check-syntax-tree.js';
import { gateSql } from './sql-gate.js';

/** Statements remembered as passed: the gate's verdict on a text never changes. */
const REMEMBERED = 2000;

/** The comment a scratch statement starts with (ScratchCopies): letters, digits, - and _ only. */
const REQUEST_TAG = /^\/\* maturity [A-Za-z0-9_-]+ \*\/ /;

/**
 * The store for KPI reads (decision 0024): a KPI definition's SQL is user SQL, published by a
 * manager, so every SELECT sent through here passes the gate before it runs, and one that fails
 * it never runs (a scorecard shows it as that KPI's error, decision 0018). Commands and inserts
 * are the platform's own and pass through.
 */
export class GatedQueryStore implements AnalyticsStore {
  private readonly passed = new Set<string>();
  /** Statements over the copies remembered as passed, with the count of copies they name. */
  private readonly passedWithCopies = new Set<string>();

  constructor(
    private readonly store: AnalyticsStore,
    private readonly gate: SqlGate,
  ) {}

  get engine() {
    return this.store.engine;
  }

  get capabilities() {
    return this.store.capabilities;
  }

  async query<Row extends object>(sql: string): Promise<Row[]> {
    await this.passGate(sql);
    return this.store.query<Row>(sql);
  }

  async queryPage<Row extends object>(sql: string): Promise<QueryPage<Row>> {
    await this.passGate(sql);
    return this.store.queryPage<Row>(sql);
  }

  /** The gate's verdict on a statement is remembered: a scorecard sends the same SQL again and again. */
  private async passGate(sql: string): Promise<void> {
    if (this.passed.has(sql)) return;
    await gateSql(this.gate.parser, sql, this.gate.policy);
    if (this.passed.size >= REMEMBERED) this.passed.delete(this.passed.values().next().value!);
    this.passed.add(sql);
  }

  command(sql: string): Promise<void> {
    return this.store.command(sql);
  }

  insert(table: string, rows: readonly AnalyticsRow[], options?: InsertOptions): Promise<void> {
    return this.store.insert(table, rows, options);
  }

  beginInsert(table: string): TableInsert {
    return this.store.beginInsert(table);
  }

  serverVersion(): Promise<string> {
    return this.store.serverVersion();
  }

  openAnalystSession(limits: AnalystLimits): Promise<AnalystSession> {
    return this.store.openAnalystSession(limits);
  }

  /**
   * The platform's own statements (maturity's practices, the copies) pass through; KPI SQL read
   * from the copies (`queryUserSql`) passes the gate first, as on the read sessions: the scratch
   * session can write its temporary tables, so only a SELECT may reach it (decision 0045).
   */
  withScratchSession<T>(work: (session: ScratchSession) => Promise<T>): Promise<T> {
    return this.store.withScratchSession((session) =>
      work({
        database: session.database,
        command: (sql) => session.command(sql),
        ...(session.commands === undefined
          ? {}
          : { commands: (statements: readonly string[]) => session.commands!(statements) }),
        query: <Row extends object>(sql: string) => session.query<Row>(sql),
        queryUserSql: async <Row extends object>(sql: string, copyReads: number) => {
          await this.passCopyReads(sql, copyReads);
          return session.query<Row>(sql);
        },
      }),
    );
  }

  /**
   * The gate, with the copies of the analytics tables allowed beside them; then the engine's own
   * parse must name copies exactly as often as the templates' macro did. A copy's name written
   * anywhere else (a string the macro was in, a table the SQL names itself) makes the counts
   * differ, and the statement is refused rather than read from what it did not mean.
   */
  private async passCopyReads(sql: string, copyReads: number): Promise<void> {
    // The request's tag in front changes nothing the parser reads: one verdict for every request.
    const key = `${copyReads} ${sql.replace(REQUEST_TAG, '')}`;
    if (this.passedWithCopies.has(key)) return;
    const gated = await gateSql(this.gate.parser, sql, withCopies(this.gate.policy));
    const copies = new Set([...this.gate.policy.tables].map(scratchTableOf));
    const named = gated.tables.filter((table) => copies.has(table)).length;
    if (named !== copyReads)
      throw new AnalystSqlRejectedError(
        'table',
        `the KPI SQL names a scratch copy ${named} times where its table macros put ${copyReads}: a copy may only be named through {{t:table}}`,
      );
    if (this.passedWithCopies.size >= REMEMBERED)
      this.passedWithCopies.delete(this.passedWithCopies.values().next().value!);
    this.passedWithCopies.add(key);
  }

  /** The store underneath is the caller's to close. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** The policy's tables and a scratch copy of each (decision 0045). */
function withCopies(policy: GatePolicy): GatePolicy {
  return { ...policy, tables: new Set([...policy.tables, ...[...policy.tables].map(scratchTableOf)]) };
}
