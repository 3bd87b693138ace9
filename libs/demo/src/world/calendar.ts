export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** ISO-8601 UTC with milliseconds, as the store writes times. */
export function iso(time: number): string {
  return new Date(time).toISOString();
}

/** Calendar day `YYYY-MM-DD` of a time. */
export function dateOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Months since `start`, fractional: the x axis of trends. */
export function monthsSince(start: number, time: number): number {
  return (time - start) / (30.44 * DAY);
}

/** `2025-Q3` of a time. */
export function quarterOf(time: number): string {
  const date = new Date(time);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** First instant of the quarter after the one `time` is in. */
export function nextQuarterStart(time: number): number {
  const date = new Date(time);
  const quarter = Math.floor(date.getUTCMonth() / 3);
  return Date.UTC(date.getUTCFullYear(), (quarter + 1) * 3, 1);
}

/** Monday 00:00 UTC of the week `time` is in. */
export function mondayOf(time: number): number {
  const day = new Date(time).getUTCDay();
  const sinceMonday = (day + 6) % 7;
  return Math.floor(time / DAY) * DAY - sinceMonday * DAY;
}

/**
 * How busy a month is, relative to the year's average: the spring and autumn buying seasons and
 * the year-end budget rush are busy; Chinese New Year (Jan/Feb) and August are quiet.
 */
const SEASON = [0.75, 0.6, 1.1, 1.15, 1.1, 1.05, 0.95, 0.7, 1.1, 1.15, 1.2, 1.25] as const;

export function seasonality(time: number): number {
  return SEASON[new Date(time).getUTCMonth()]!;
}

/** Keep business times in working hours: 09:00 + up to 9 hours. */
export function workingTime(day: number, hourFraction: number): number {
  return Math.floor(day / DAY) * DAY + 9 * HOUR + Math.floor(hourFraction * 9 * HOUR);
}
