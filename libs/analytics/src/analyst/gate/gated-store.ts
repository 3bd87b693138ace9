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
import type { SqlGate } from '../run-analyst-sql.js';
import { gateSql } from './sql-gate.js';

/** Statements remembered as passed: the gate's verdict on a text never changes. */
const REMEMBERED = 2000;

/**
 * The store for KPI reads (decision 0024): a KPI definition's SQL is user SQL, published by a
 * manager, so every SELECT sent through here passes the gate before it runs, and one that fails
 * it never runs (a scorecard shows it as that KPI's error, decision 0018). Commands and inserts
 * are the platform's own and pass through.
 */
export class GatedQueryStore implements AnalyticsStore {
  private readonly passed = new Set<string>();

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

  /** The platform's own statements (maturity's practices), which the gate has no part in. */
  withScratchSession<T>(work: (session: ScratchSession) => Promise<T>): Promise<T> {
    return this.store.withScratchSession(work);
  }

  /** The store underneath is the caller's to close. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
