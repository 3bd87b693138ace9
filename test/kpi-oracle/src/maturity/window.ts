import { periodWindow } from '../model/period.js';

/** The quarters a maturity assessment looks at, and their span [fromMs, toMs). */
export interface MaturityWindow {
  /** Oldest first, e.g. ['2026-Q1', '2026-Q2']. */
  readonly quarters: readonly string[];
  readonly fromMs: number;
  readonly toMs: number;
}

/** KPIS.md: "over a window (default: the last 2 quarters before asOf)" — the quarters before asOf's own. */
export function maturityWindow(asOfMs: number, windowQuarters: number): MaturityWindow {
  const asOf = new Date(asOfMs);
  const current = asOf.getUTCFullYear() * 4 + Math.floor(asOf.getUTCMonth() / 3);
  const quarters: string[] = [];
  for (let back = windowQuarters; back >= 1; back -= 1) {
    const index = current - back;
    quarters.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  }
  return {
    quarters,
    fromMs: periodWindow(quarters[0]!).startMs,
    toMs: periodWindow(quarters[quarters.length - 1]!).endMs,
  };
}

/** "in the window": start ≤ time < end. */
export function inWindow(window: MaturityWindow, ms: number): boolean {
  return window.fromMs <= ms && ms < window.toMs;
}
