import type { AnalyticsStore, ScratchSession } from '@presales/analytics';

/**
 * Every read of an analytics table in product SQL goes through `{{t:table}}` or `asOfTable`:
 * `FROM <table> FINAL`. Counting those counts how often a request reads each table, whatever
 * the engine makes of the statement.
 */
export function tableReads(statements: readonly string[]): Map<string, number> {
  const reads = new Map<string, number>();
  for (const sql of statements)
    // A copy into a scratch session names the table with its database (decision 0040).
    for (const match of sql.matchAll(/\bFROM (?:[a-z_][a-z0-9_]*\.)?([a-z_][a-z0-9_]*) FINAL\b/g))
      reads.set(match[1]!, (reads.get(match[1]!) ?? 0) + 1);
  return reads;
}

/**
 * The store, answering as before, with every SELECT it was given kept in `statements`, and every
 * statement of its scratch sessions (maturity's copies and count, decision 0040).
 */
export function recordingStore(store: AnalyticsStore): { store: AnalyticsStore; statements: string[] } {
  const statements: string[] = [];
  const recording = Object.create(store, {
    withScratchSession: {
      value: <T>(work: (session: ScratchSession) => Promise<T>): Promise<T> =>
        store.withScratchSession((session) =>
          work({
            database: session.database,
            command: (sql) => (statements.push(sql), session.command(sql)),
            query: <Row extends object>(sql: string) => (statements.push(sql), session.query<Row>(sql)),
          }),
        ),
    },
    query: {
      value: <Row extends object>(sql: string): Promise<Row[]> => {
        statements.push(sql);
        return store.query<Row>(sql);
      },
    },
  }) as AnalyticsStore;
  return { store: recording, statements };
}

/** One line for the log: statements, table reads, distinct tables and the most-read tables. */
export function describeReads(statements: readonly string[]): string {
  const reads = tableReads(statements);
  const total = [...reads.values()].reduce((sum, n) => sum + n, 0);
  const most = [...reads.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
  return `${statements.length} statements, ${total} table reads of ${reads.size} tables (most read: ${most.map(([t, n]) => `${t} ×${n}`).join(', ')})`;
}
