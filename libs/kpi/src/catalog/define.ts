import { DEFAULT_TOLERANCE_PCT, type KpiDefinition, type PublishedKpi } from '../definition.js';

/** What KPIS.md gives every KPI that does not say otherwise. */
type Defaulted = 'tolerance' | 'projectTypeOverrides' | 'parameters' | 'weight';

/** Version 1 of a catalog KPI, with the defaults of KPIS.md for what it does not say. */
export function defineKpi(
  definition: Omit<KpiDefinition, Defaulted> & Partial<Pick<KpiDefinition, Defaulted>>,
): PublishedKpi {
  return {
    version: 1,
    tolerance: DEFAULT_TOLERANCE_PCT,
    projectTypeOverrides: {},
    parameters: {},
    weight: '1',
    ...definition,
  };
}

/** `occurred_at_ms` of the row is in the period. */
export const IN_PERIOD = 'occurred_at_ms >= {{from}} AND occurred_at_ms < {{to}}';
