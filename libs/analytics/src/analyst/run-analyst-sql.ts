import {
  AnalyticsQueryError,
  type AnalystResult,
  type AnalystRowStream,
  type AnalystSession,
} from '../analytics-store.port.js';
import type { AnalystAdmission } from './analyst-admission.js';
import { AnalystSqlRejectedError, type SqlRefusalCode } from './analyst-sql-policy.js';
import type { GatePolicy } from './gate/check-syntax-tree.js';
import { gateSql, type SqlParser } from './gate/sql-gate.js';

/** ClickHouse error codes an analyst can cause, and how we explain them. */
const ENGINE_REASONS: Readonly<Record<number, readonly [SqlRefusalCode, string]>> = {
  164: ['read_only', 'refused: analyst SQL is read-only'],
  159: ['time_limit', 'stopped: the query ran longer than the time limit'],
  158: ['rows_limit', 'stopped: the query read more rows than the limit'],
  396: ['result_limit', 'stopped: the result is larger than the limit'],
  241: ['memory_limit', 'stopped: the query needed more memory than the limit'],
  62: ['syntax', 'syntax error'],
  60: ['unknown_table', 'unknown table'],
  47: ['unknown_column', 'unknown column'],
  46: ['unknown_function', 'unknown function'],
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
    throw analystRefusal(error);
  }
}

/** The engine's refusal of an analyst's statement, explained by the code the store kept (a modern server's message no longer carries it). */
export function analystRefusal(error: AnalyticsQueryError): AnalystSqlRejectedError {
  const [code, reason] = (error.code === undefined ? undefined : ENGINE_REASONS[error.code]) ?? [
    'engine_refused',
    'the engine refused the query',
  ];
  return new AnalystSqlRejectedError(code, `${reason}: ${error.engineMessage.split('\n')[0]}`);
}

/**
 * An export (decision 0030): admitted, gated and started like `runAnalystSql`, but the caller's
 * slot is held until the rows stop (read to the end, failed or cancelled), not until the first
 * answer. A refusal before the columns is thrown as AnalystSqlRejectedError; one after them
 * ends the iteration with it.
 */
export async function streamAnalystSql(
  admission: AnalystAdmission,
  callerId: string,
  session: AnalystSession,
  gate: SqlGate,
  sql: string,
): Promise<AnalystRowStream> {
  const slot = admission.admit(callerId);
  let stream: AnalystRowStream;
  try {
    const gated = await gateSql(gate.parser, sql, gate.policy);
    stream = await session.stream(gated);
  } catch (error) {
    slot.release();
    if (error instanceof AnalyticsQueryError) throw analystRefusal(error);
    throw error;
  }
  const rows = async function* () {
    try {
      yield* stream.rows;
    } catch (error) {
      if (error instanceof AnalyticsQueryError) throw analystRefusal(error);
      throw error;
    } finally {
      stream.cancel();
      slot.release();
    }
  };
  const cancel = () => {
    stream.cancel();
    slot.release();
  };
  return { columns: stream.columns, rows: rows(), cancel };
}
