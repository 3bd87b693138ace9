import type { KpiTrend, RagStatus } from '@presales/contracts';
import type { Direction, ToleranceBands } from './definition.js';

// A scorecard line's judgements, in the contract's one copy.
export type { KpiTrend, RagStatus };

/**
 * Check: variance = (actual − target) ÷ target, signed so that positive is better (KPIS.md).
 * For `target` KPIs any distance from the target is worse, so the variance is −|…|.
 * null when there is no actual, no target, or the target is 0.
 */
export function signedVariance(actual: number | null, target: number | null, direction: Direction): number | null {
  if (actual === null || target === null || target === 0 || direction === 'context') return null;
  const raw = (actual - target) / Math.abs(target);
  if (direction === 'up') return raw;
  if (direction === 'down') return -raw;
  return -Math.abs(raw);
}

/** Green within the green band of shortfall, amber within the amber band, else red. */
export function ragStatus(variance: number | null, direction: Direction, tolerance: ToleranceBands): RagStatus {
  if (direction === 'context') return 'context';
  if (variance === null) return 'no_data';
  if (variance >= -tolerance.green) return 'green';
  if (variance >= -tolerance.amber) return 'amber';
  return 'red';
}

/** Trend against the previous period, judged by the KPI's direction; changes under 0.5 % are flat. */
export function trend(
  actual: number | null,
  previous: number | null,
  direction: Direction,
  target: number | null = null,
): KpiTrend {
  if (actual === null || previous === null) return 'no_data';
  const scale = Math.max(Math.abs(previous), Math.abs(actual), 1e-9);
  if (Math.abs(actual - previous) / scale < 0.005) return 'flat';
  if (direction === 'context') return 'flat';
  if (direction === 'target') {
    if (target === null) return 'flat';
    return Math.abs(actual - target) < Math.abs(previous - target) ? 'improving' : 'worsening';
  }
  return actual > previous === (direction === 'up') ? 'improving' : 'worsening';
}
