import type { KpiDefinition } from '@presales/domain';

// The domain's one copy of the process areas and project types, re-exported for the dashboard.
export { PROCESS_AREAS, PROJECT_TYPES, type ProcessArea, type ProjectType } from '@presales/domain/vocabulary';

/**
 * A KPI definition is the domain's (libs/domain kpi.definition.ts): the data of
 * KpiDefinitionPublished, decimals as strings, tolerance bands in percent. Imported as a type
 * only, so the dashboard bundles none of the domain's schemas.
 */
export type { KpiDefinition };

/** A definition as it is in force: the one recorded by KpiDefinitionPublished, with the version it was given. */
export type PublishedKpi = KpiDefinition & { readonly version: number };

/**
 * up: more is better; down: less is better; target: best at the target, worse either side
 * ("up to target, then down"); context: reported, never judged.
 */
export type Direction = KpiDefinition['direction'];
export type Unit = KpiDefinition['unit'];
/**
 * How the value comes from the units the SQL lists (unit_id, num, den, grp):
 * ratio Σnum ÷ Σden; mean of num; median of num; sum of num; lift = ratio(grp 1) − ratio(grp 0).
 */
export type Aggregate = KpiDefinition['aggregate'];

/** Allowed shortfall of the signed variance, as fractions: what the status judges with (a definition's percent bands, divided by 100). */
export interface ToleranceBands {
  readonly green: number;
  readonly amber: number;
}

/** Bands of a definition that names none: green within 5 %, amber within 15 %. */
export const DEFAULT_TOLERANCE_PCT = { greenPct: '5', amberPct: '15' } as const satisfies KpiDefinition['tolerance'];

/** The definition a PublishKpiDefinition carries: the version is the decider's to give. */
export function definitionOf({ version: _version, ...definition }: PublishedKpi): KpiDefinition {
  return definition;
}
