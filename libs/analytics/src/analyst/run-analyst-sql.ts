import { AnalyticsQueryError, type AnalystResult, type AnalystSession } from '../analytics-store.port.js';
import { AnalystSqlRejectedError, checkAnalystSql } from './analyst-sql-policy.js';

/** ClickHouse error codes an analyst can cause, and how we explain them. */
const ENGINE_REASONS: Readonly<Record<number, string>> = {
  164: 'refused: analyst SQL is read-only',
  159: 'stopped: the query ran longer than the time limit',
  158: 'stopped: the query read more rows than the limit',
  396: 'stopped: the result has more rows than the limit',
  241: 'stopped: the query needed more memory than the limit',
  62: 'syntax error',
  60: 'unknown table',
  47: 'unknown column',
  46: 'unknown function',
};

/** Check the text, run it on the read-only session, and explain any refusal. */
export async function runAnalystSql(session: AnalystSession, sql: string): Promise<AnalystResult> {
  const statement = checkAnalystSql(sql);
  try {
    return await session.query(statement);
  } catch (error) {
    if (!(error instanceof AnalyticsQueryError)) throw error;
    // By the code the store kept: a modern server's message no longer carries it.
    const reason = (error.code === undefined ? undefined : ENGINE_REASONS[error.code]) ?? 'the engine refused the query';
    throw new AnalystSqlRejectedError(`${reason}: ${error.engineMessage.split('\n')[0]}`);
  }
}
