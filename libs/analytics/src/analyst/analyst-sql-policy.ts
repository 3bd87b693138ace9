/**
 * User SQL (analyst queries, KPI definitions) refused by the gate or stopped by the engine; the
 * reason says what and, where known, at which character (decision 0024).
 */
export class AnalystSqlRejectedError extends Error {
  constructor(
    readonly reason: string,
    readonly offset?: number,
  ) {
    super(offset === undefined ? reason : `${reason} (at character ${offset + 1})`);
    this.name = 'AnalystSqlRejectedError';
  }
}
