import type { AnalyticsStore } from '@presales/analytics';

/**
 * Every read of an analytics table in product SQL goes through `{{t:table}}` or `asOfTable`:
 * `FROM <table> FINAL`. Counting those counts how often a request reads each table, whatever
 * the engine makes of the statement.
 */
export function tableReads(statements: readonly string[]): Map<string, number> {
  const reads = new Map<string, number>();
  for (const sql of statements)
    for (const match of sql.matchAll(/\bFROM ([a-z_][a-z0-9_]*) FINAL\b/g))
      reads.set(match[1]!, (reads.get(match[1]!) ?? 0) + 1);
  return reads;
}

/** The store, answering as before, with every SELECT it was given kept in `statements`. */
export function recordingStore(store: AnalyticsStore): { store: AnalyticsStore; statements: string[] } {
  const statements: string[] = [];
  const recording = Object.create(store, {
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
