import { AnalyticsQueryError, type AnalystResult, type AnalystSession } from '../analytics-store.port.js';
import { AnalystSqlRejectedError } from './analyst-sql-policy.js';
import type { GatePolicy } from './gate/check-syntax-tree.js';
import { gateSql, type SqlParser } from './gate/sql-gate.js';

/** ClickHouse error codes an analyst can cause, and how we explain them. */
const ENGINE_REASONS: Readonly<Record<number, string>> = {
  164: 'refused: analyst SQL is read-only',
  159: 'stopped: the query ran longer than the time limit',
  158: 'stopped: the query read more rows than the limit',
  396: 'stopped: the result is larger than the limit',
  241: 'stopped: the query needed more memory than the limit',
  62: 'syntax error',
  60: 'unknown table',
  47: 'unknown column',
  46: 'unknown function',
};

/** The parser and the tables that make the gate (decision 0024). */
export interface SqlGate {
  readonly parser: SqlParser;
  readonly policy: GatePolicy;
}

/** Passes the text through the gate, runs it on the analyst session, and explains any refusal. */
export async function runAnalystSql(session: AnalystSession, gate: SqlGate, sql: string): Promise<AnalystResult> {
  const gated = await gateSql(gate.parser, sql, gate.policy);
  try {
    return await session.query(gated);
  } catch (error) {
    if (!(error instanceof AnalyticsQueryError)) throw error;
    const code = Number(/Code: (\d+)/.exec(error.engineMessage)?.[1]);
    const reason = ENGINE_REASONS[code] ?? 'the engine refused the query';
    throw new AnalystSqlRejectedError(`${reason}: ${error.engineMessage.split('\n')[0]}`);
  }
}
