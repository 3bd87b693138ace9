import type { AnalyticsStore, ScratchSession } from '../analytics-store.port.js';
import { scratchTableOf } from '../schema/scratch-tables.js';
import { sqlIdentifier } from '../sql/escape.js';
import type { KpiStatements } from './compute-kpi.js';
import type { RecordReads } from './pdca-records.js';
import { asOfSelect, renderKpiSql } from './render-kpi-sql.js';

export interface ScratchCopiesRequest {
  readonly asOf: Date;
  /**
   * Written in a comment in front of every statement, so the engine's query log finds the
   * request's statements (decision 0040). Letters, digits, `-` and `_` only.
   */
  readonly tag: string;
}

/**
 * One request's copies of the tables it reads, on one scratch session (decisions 0040, 0045):
 * every template rendered with `readTable` names a table's copy, and the copy is made, as of
 * asOf, before the first statement that reads it, once for the whole request. Statements run
 * one after the other, in the order they were asked for, each after the copies of every table
 * named so far.
 */
export class ScratchCopies {
  private readonly named = new Set<string>();
  private readonly copied = new Set<string>();
  /**
   * The failure of a batch of copies. Every later statement of the request fails with it: after a
   * batch stops at one copy, the copies after it were never made and the one that failed may be
   * half made (CREATE … AS SELECT creates the table before it fills it), and none may be read.
   */
  private copyFailure: { readonly error: unknown } | undefined;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly session: ScratchSession,
    private readonly request: ScratchCopiesRequest,
  ) {
    checkTag(request.tag);
  }

  /** The moment the copies are made as of. */
  get asOf(): Date {
    return this.request.asOf;
  }

  /** How a template names `table` (`TemplateContext.readTable`): its copy. */
  readonly readTable = (table: string): string => {
    // Refused before it is remembered: a name that is no table must not reach a copy or a drop.
    const copy = sqlIdentifier(scratchTableOf(table));
    this.named.add(table);
    return copy;
  };

  /** Product SQL over the copies (the practices, the PDCA records). */
  query<Row extends object>(sql: string): Promise<Row[]> {
    const tagged = this.tagged(sql);
    return this.inTurn(() => this.session.query<Row>(tagged));
  }

  /** KPI SQL over the copies: user SQL, through the store's gate where it has one. */
  queryUserSql<Row extends object>(sql: string, copyReads: number): Promise<Row[]> {
    const tagged = this.tagged(sql);
    return this.inTurn(() =>
      this.session.queryUserSql === undefined
        ? this.session.query<Row>(tagged)
        : this.session.queryUserSql<Row>(tagged, copyReads),
    );
  }

  /**
   * KPI statements over the copies: one at a time, since they share the session, and each KPI's
   * table macros counted, for the gate to check that every name of a copy is one of theirs.
   */
  kpiStatements(): KpiStatements {
    return {
      concurrent: 1,
      render: (query) => {
        let copyReads = 0;
        const sql = renderKpiSql(query.definition.sql, query, (table) => {
          copyReads += 1;
          return this.readTable(table);
        });
        return { sql, copyReads };
      },
      run: <Row extends object>(sql: string, copyReads: number) => this.queryUserSql<Row>(sql, copyReads),
    };
  }

  /** The PDCA records read from the copies. */
  recordReads(): RecordReads {
    return { query: (sql) => this.query(sql), table: this.readTable };
  }

  /**
   * A pooled session outlives the request: its copies go with the request, also when it failed,
   * once every statement asked for has settled. A drop that fails leaves the first error to be
   * reported.
   */
  dropAll(): Promise<void> {
    return this.inTurn(async () => {
      const drops = [...this.copied].map(
        (table) => `DROP TEMPORARY TABLE IF EXISTS ${sqlIdentifier(scratchTableOf(table))}`,
      );
      if (drops.length === 0) return;
      if (this.session.commands !== undefined) {
        try {
          return await this.session.commands(drops);
        } catch {
          // A pooled session must not keep a copy the next request would make again: each drop
          // once more on its own, past any that fails.
        }
      }
      for (const drop of drops) {
        try {
          await this.session.command(drop);
        } catch {
          // The session is unusable; its temporary tables end with it.
        }
      }
    }, false);
  }

  private inTurn<R>(run: () => Promise<R>, copyFirst = true): Promise<R> {
    const next = this.turn.then(async () => {
      if (copyFirst) await this.copyNamed();
      return run();
    });
    this.turn = next.catch(() => undefined);
    return next;
  }

  /** In front: ClickHouse 18.16 logs a CREATE's text only as far as the statement goes. */
  private tagged(sql: string): string {
    return `/* maturity ${this.request.tag} */ ${sql}`;
  }

  private async copyNamed(): Promise<void> {
    if (this.copyFailure !== undefined) throw this.copyFailure.error;
    const copies: string[] = [];
    for (const table of this.named) {
      if (this.copied.has(table)) continue;
      // Counted before it exists: a copy half made is dropped too.
      this.copied.add(table);
      copies.push(
        this.tagged(
          `CREATE TEMPORARY TABLE ${sqlIdentifier(scratchTableOf(table))} AS ${asOfSelect(table, this.request.asOf.getTime(), this.session.database)}`,
        ),
      );
    }
    try {
      await this.send(copies);
    } catch (error) {
      this.copyFailure = { error };
      throw error;
    }
  }

  /**
   * Statements in order: in one call where the session takes several (chDB), each copy's fixed
   * cost being most of what it costs on small tables (decision 0050); else one at a time.
   */
  private async send(statements: readonly string[]): Promise<void> {
    if (statements.length === 0) return;
    if (this.session.commands !== undefined) return this.session.commands(statements);
    for (const statement of statements) await this.session.command(statement);
  }
}

/** Runs `work` with a scratch session's copies, dropped at the end (decision 0045). */
export async function withScratchCopies<T>(
  store: AnalyticsStore,
  request: ScratchCopiesRequest,
  work: (copies: ScratchCopies) => Promise<T>,
): Promise<T> {
  checkTag(request.tag);
  return store.withScratchSession(async (session) => {
    const copies = new ScratchCopies(session, request);
    try {
      return await work(copies);
    } finally {
      await copies.dropAll();
    }
  });
}

/**
 * The tag is written inside a comment of statements that may go to the engine as one text: an
 * end of comment or a `;` in it would end the comment and run whatever follows. Checked before a
 * session is taken, and by every ScratchCopies made.
 */
function checkTag(tag: string): void {
  if (!/^[A-Za-z0-9_-]+$/.test(tag))
    throw new RangeError(`maturity request tag ${JSON.stringify(tag)}: letters, digits, - and _ only`);
}
