import { parsePeriod, periodBounds } from '@presales/kpi';

/** docs/kpis.md "Period": P = [start, end) in UTC, a month `2026-03` or a quarter `2026-Q1`. */
export interface PeriodWindow {
  readonly text: string;
  /** Inclusive, ms since the epoch. */
  readonly startMs: number;
  /** Exclusive, ms since the epoch. */
  readonly endMs: number;
}

export function periodWindow(text: string): PeriodWindow {
  const { start, end } = periodBounds(parsePeriod(text));
  return { text, startMs: start.getTime(), endMs: end.getTime() };
}

/** "An event is in P when its occurredAt is in P": start ≤ time < end. */
export function isIn(period: PeriodWindow, ms: number): boolean {
  return period.startMs <= ms && ms < period.endMs;
}
