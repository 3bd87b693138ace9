/**
 * The domain's words that other libraries list too, in their one copy: plain constants, no
 * schema, so `@presales/kpi` (and through it the dashboard) imports them from
 * `@presales/domain/vocabulary` without bundling the domain's schemas.
 */

/** The ten process areas of KPIS.md: each KPI belongs to one, maturity is assessed in each, `process-<area>` streams use them as ids. */
export const PROCESS_AREAS = [
  'requirements',
  'solution',
  'bid',
  'resourcing',
  'quotation',
  'communication',
  'knowledge',
  'collaboration',
  'performance',
  'people',
] as const;
export type ProcessArea = (typeof PROCESS_AREAS)[number];

/** An opportunity's project type; a KPI's weight and target may differ by it. */
export const PROJECT_TYPES = ['product', 'project', 'service', 'strategic'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];
