import type { Direction } from './definition.js';

/** Attainment never counts above 120 % (KPIS.md). */
export const ATTAINMENT_CAP = 1.2;
/** No-short-board rule (无短板原则): the composite is at most the weakest attainment + 0.25. */
export const SHORT_BOARD_MARGIN = 0.25;

/** actual ÷ target (target ÷ actual when lower is better), capped at 1.2; null when not computable. */
export function attainment(actual: number | null, target: number | null, direction: Direction): number | null {
  if (actual === null || target === null || direction === 'context') return null;
  let value: number;
  if (direction === 'up') value = target === 0 ? (actual >= 0 ? ATTAINMENT_CAP : 0) : actual / target;
  else if (direction === 'down') value = actual === 0 ? ATTAINMENT_CAP : target / actual;
  else value = actual === 0 || target === 0 ? (actual === target ? 1 : 0) : Math.min(actual / target, target / actual);
  return Math.max(0, Math.min(ATTAINMENT_CAP, value));
}

export interface CompositeInput {
  readonly kpiId: string;
  readonly weight: number;
  readonly attainment: number | null;
}

export interface CompositeResult {
  /** null when no KPI had an attainment. */
  readonly score: number | null;
  readonly weightedAverage: number | null;
  /** The KPI whose attainment capped the score, when the no-short-board rule applied. */
  readonly shortBoard: { readonly kpiId: string; readonly attainment: number } | null;
  /** KPIs left out: no attainment (no data; the scorecard also passes those that do not count this way). */
  readonly excluded: readonly string[];
}

/** Σ wᵢ·attainmentᵢ ÷ Σ wᵢ, but never more than the weakest attainment + 0.25. */
export function composite(items: readonly CompositeInput[]): CompositeResult {
  const counted = items.filter(
    (item): item is CompositeInput & { attainment: number } => item.attainment !== null && item.weight > 0,
  );
  const excluded = items.filter((item) => !counted.includes(item as never)).map((item) => item.kpiId);
  const totalWeight = counted.reduce((sum, item) => sum + item.weight, 0);
  if (counted.length === 0 || totalWeight === 0)
    return { score: null, weightedAverage: null, shortBoard: null, excluded };
  const weightedAverage = counted.reduce((sum, item) => sum + item.weight * item.attainment, 0) / totalWeight;
  const weakest = counted.reduce((min, item) => (item.attainment < min.attainment ? item : min));
  const ceiling = weakest.attainment + SHORT_BOARD_MARGIN;
  return weightedAverage > ceiling
    ? {
        score: ceiling,
        weightedAverage,
        shortBoard: { kpiId: weakest.kpiId, attainment: weakest.attainment },
        excluded,
      }
    : { score: weightedAverage, weightedAverage, shortBoard: null, excluded };
}
