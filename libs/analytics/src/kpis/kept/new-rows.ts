import type { AnalyticsStore } from '../../analytics-store.port.js';
import { sqlIdentifier, sqlValue } from '../../sql/escape.js';
import type { NewRows } from './kept-periods.js';

/**
 * How many rows each table gained after `position`, with the least value of the asked columns
 * and the latest recorded instant over them: one statement for every table. A fact table's rows are sorted by business time, so
 * this reads each table's `position` column whole (and the asked columns of the new rows).
 */
export async function newRowsAfter(
  store: AnalyticsStore,
  position: bigint,
  columnsByTable: ReadonlyMap<string, readonly string[]>,
): Promise<Map<string, NewRows>> {
  const tables = [...columnsByTable];
  if (tables.length === 0) return new Map();
  const parts = tables.map(([table, columns]) => {
    const least = columns.map((column) => `toInt64(min(${sqlIdentifier(column)}))`).join(', ');
    return `SELECT ${sqlValue(table)} AS t, count() AS n, [${least}] AS least, toInt64(max(recorded_at_ms)) AS recorded FROM ${sqlIdentifier(table)} WHERE position > ${sqlValue(position)}`;
  });
  const rows = await store.query<{
    t: string;
    n: number | string;
    least: (number | string)[];
    recorded: number | string;
  }>(parts.join('\nUNION ALL\n'));
  return new Map(
    rows.map((row) => {
      const columns = columnsByTable.get(row.t) ?? [];
      const least = new Map(columns.map((column, i) => [column, Number(row.least[i])]));
      return [row.t, { count: Number(row.n), least, latestRecorded: Number(row.recorded) }];
    }),
  );
}
