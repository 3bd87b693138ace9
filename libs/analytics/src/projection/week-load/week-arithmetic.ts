/**
 * Mondays as whole numbers of epoch milliseconds, in one form the projection (TypeScript) and
 * the migration that fills a store created before the table (SQL) compute alike: the weeks an
 * assignment covers must come out the same both ways.
 */
export const WEEK_MS = 7 * 86_400_000;

/** Monday 1970-01-05 00:00 UTC, the first Monday of the epoch. */
export const FIRST_MONDAY_MS = 4 * 86_400_000;

/** The Mondays m with fromMs ≤ m ≤ toMs, in order (none when the span holds no Monday). */
export function mondaysWithin(fromMs: number, toMs: number): number[] {
  const first = FIRST_MONDAY_MS + Math.ceil((Math.max(fromMs, FIRST_MONDAY_MS) - FIRST_MONDAY_MS) / WEEK_MS) * WEEK_MS;
  if (toMs < first) return [];
  const last = FIRST_MONDAY_MS + Math.floor((toMs - FIRST_MONDAY_MS) / WEEK_MS) * WEEK_MS;
  const mondays: number[] = [];
  for (let monday = first; monday <= last; monday += WEEK_MS) mondays.push(monday);
  return mondays;
}

/**
 * The same Mondays as an SQL expression over two UInt64 expressions: one Monday per array
 * element, for `arrayJoin`. `greatest` keeps the subtraction from wrapping below the first
 * Monday; `if` keeps an empty span empty (its other branch may wrap, and is not used).
 */
export function mondaysWithinSql(fromMs: string, toMs: string): string {
  const first = `(${FIRST_MONDAY_MS} + intDiv(greatest(${fromMs}, ${FIRST_MONDAY_MS}) - ${FIRST_MONDAY_MS} + ${WEEK_MS - 1}, ${WEEK_MS}) * ${WEEK_MS})`;
  const last = `(${FIRST_MONDAY_MS} + intDiv(greatest(${toMs}, ${FIRST_MONDAY_MS}) - ${FIRST_MONDAY_MS}, ${WEEK_MS}) * ${WEEK_MS})`;
  const count = `if(${toMs} >= ${first} AND ${last} >= ${first}, intDiv(${last} - ${first}, ${WEEK_MS}) + 1, 0)`;
  return `arrayMap(k -> ${first} + k * ${WEEK_MS}, range(toUInt64(${count})))`;
}

/** Hundredths of a percent, rounded half up as Math.round does; the SQL below rounds alike. */
export function hundredthsOf(pct: number): number {
  return Math.floor(pct * 100 + 0.5);
}

export function hundredthsOfSql(pct: string): string {
  return `toInt64(floor(${pct} * 100 + 0.5))`;
}
