import type { AnalyticsRow, InsertOptions, TableInsert } from '../analytics-store.port.js';

/** A TableInsert for an engine that takes a table's rows whole: keeps them until `send`. */
export function collectedInsert(
  send: (rows: readonly AnalyticsRow[], options?: InsertOptions) => Promise<void>,
): TableInsert {
  const rows: AnalyticsRow[] = [];
  return {
    add: (row) => void rows.push(row),
    get rowCount() {
      return rows.length;
    },
    send: (options) => send(rows, options),
  };
}
