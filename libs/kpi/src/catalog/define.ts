import { DEFAULT_TOLERANCE, type KpiDefinition } from '../definition.js';

/** Version 1 of a catalog KPI, with the defaults of KPIS.md for what it does not say. */
export function defineKpi(definition: Omit<KpiDefinition, 'version' | 'tolerance' | 'projectTypeOverrides' | 'parameters' | 'weight'> & Partial<KpiDefinition>): KpiDefinition {
  return { version: 1, tolerance: DEFAULT_TOLERANCE, projectTypeOverrides: {}, parameters: {}, weight: 1, ...definition };
}

/** `occurred_at_ms` of the row is in the period. */
export const IN_PERIOD = 'occurred_at_ms >= {{from}} AND occurred_at_ms < {{to}}';
