/**
 * What a kind of work calls for when the caller does not say: the skills (the demo's skill list)
 * and the share of a consultant's week it takes. A default, overridable per call (decision 0032).
 */
export const SKILLS_BY_WORK_KIND: Readonly<Record<string, readonly string[]>> = {
  exchange: [],
  demo: ['Demo craft'],
  presentation: ['Demo craft'],
  poc: ['Integration', 'Solution architecture'],
  workshop: ['Solution architecture'],
  site_visit: [],
  rfi: ['Bid writing'],
  rfp: ['Bid writing', 'Solution architecture'],
  solution: ['Solution architecture'],
  quote: ['Pricing'],
  war_room: ['Bid writing', 'Solution architecture'],
};

export const NEEDED_PCT_BY_WORK_KIND: Readonly<Record<string, number>> = {
  exchange: 10,
  demo: 20,
  presentation: 10,
  poc: 50,
  workshop: 20,
  site_visit: 10,
  rfi: 30,
  rfp: 50,
  solution: 40,
  quote: 20,
};

/** A 40-hour week: how planned hours become a share of a week. */
export const STANDARD_WEEK_HOURS = 40;

export function neededPctOfHours(hours: number): number {
  return Math.min(100, Math.max(5, Math.round((hours / STANDARD_WEEK_HOURS) * 100)));
}
