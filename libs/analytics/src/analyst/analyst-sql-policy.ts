/**
 * Why user SQL was refused, as a word a machine can count by (metrics, alerts); the message says
 * the rest. The gate's codes come first, then the engine's: a limit it stopped at, or a refusal.
 */
export const SQL_REFUSAL_CODES = [
  'unreadable',
  'not_a_select',
  'output_option',
  'settings',
  'construct',
  'table_function',
  'function',
  'table',
  'read_only',
  'time_limit',
  'rows_limit',
  'result_limit',
  'memory_limit',
  'syntax',
  'unknown_table',
  'unknown_column',
  'unknown_function',
  'engine_refused',
] as const;
export type SqlRefusalCode = (typeof SQL_REFUSAL_CODES)[number];

/** The codes of the engine's limits (decision 0024): the query was allowed, and stopped. */
export const SQL_LIMIT_CODES: ReadonlySet<SqlRefusalCode> = new Set([
  'time_limit',
  'rows_limit',
  'result_limit',
  'memory_limit',
]);

/**
 * User SQL (analyst queries, KPI definitions) refused by the gate or stopped by the engine; the
 * reason says what and, where known, at which character (decision 0024).
 */
export class AnalystSqlRejectedError extends Error {
  constructor(
    readonly code: SqlRefusalCode,
    readonly reason: string,
    readonly offset?: number,
  ) {
    super(offset === undefined ? reason : `${reason} (at character ${offset + 1})`);
    this.name = 'AnalystSqlRejectedError';
  }
}
