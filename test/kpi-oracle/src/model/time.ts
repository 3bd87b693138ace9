const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/**
 * An ISO-8601 time as milliseconds since the epoch. docs/kpis.md "Clarifications": times are
 * compared in milliseconds, so every comparison of the oracle (asOf, periods, "at or before",
 * deadlines) works on these; digits below the millisecond are dropped, as Date.parse does.
 */
export function millis(time: string): number {
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 time: ${JSON.stringify(time)}`);
  return ms;
}

/** docs/kpis.md "Hours between two events: (later occurredAt − earlier occurredAt) in hours, fractional." */
export function hoursBetween(earlierMs: number, laterMs: number): number {
  return (laterMs - earlierMs) / MS_PER_HOUR;
}

/** The calendar day (UTC, `YYYY-MM-DD`) of an instant. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
