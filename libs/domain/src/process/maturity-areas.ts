/** The ten process areas maturity is assessed in (KPIS.md); `process-<area>` streams use them as ids. */
export const MATURITY_AREAS = [
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
export type MaturityArea = (typeof MATURITY_AREAS)[number];
