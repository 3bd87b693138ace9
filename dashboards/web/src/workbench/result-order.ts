/** How the grid orders a result: by one column, either way, or as the engine answered. */
export interface SortState {
  readonly column: string;
  readonly direction: 'asc' | 'desc';
}

/**
 * Row indexes in the order asked, by the values of column `column` of each row (a row is an array
 * of values, as the compact answer sends it), nulls last either way; numbers compare as numbers
 * (also when the engine sent them as text: decimals, 64-bit integers), everything else as text by
 * code point. Runs in the result's worker (result-worker.ts), off the page's main thread.
 */
export function sortedIndexes(
  rows: readonly (readonly unknown[])[],
  sort: { readonly column: number; readonly direction: SortState['direction'] } | null,
): number[] {
  const indexes = rows.map((_row, i) => i);
  if (sort === null) return indexes;
  const keys = rows.map((row) => sortKey(row[sort.column]));
  const sign = sort.direction === 'asc' ? 1 : -1;
  return indexes.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    if (ka === null || kb === null) return ka === kb ? a - b : ka === null ? 1 : -1;
    // Numbers before text: a column mixing both (rare) still has one order.
    const order = typeof ka !== typeof kb ? (typeof ka === 'number' ? -1 : 1) : ka < kb ? -1 : ka > kb ? 1 : 0;
    return order === 0 ? a - b : order * sign;
  });
}

type Key = number | string | null;

function sortKey(value: unknown): Key {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const asNumber = value.trim() === '' ? Number.NaN : Number(value);
    return Number.isFinite(asNumber) ? asNumber : value;
  }
  return JSON.stringify(value);
}

/** The text a cell shows: NULL marked, arrays and objects as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
