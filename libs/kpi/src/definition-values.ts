import { DEFAULT_TOLERANCE_PCT, type KpiDefinition, type ProjectType, type ToleranceBands } from './definition.js';

/*
 * A definition keeps its decimals as text, as the record does (no binary floating point in the
 * log); variance, status and the composite are arithmetic in numbers. These read the numbers a
 * definition's decimals stand for, in one place, for a whole scorecard or one project type's.
 */

/** The target when no KpiTargetSet or project type names one; null for a context KPI. */
export function defaultTargetOf(definition: Pick<KpiDefinition, 'defaultTarget'>): number | null {
  return definition.defaultTarget === null ? null : Number(definition.defaultTarget);
}

/** The status bands as fractions of the target, as ragStatus judges with them. */
export function toleranceOf(definition: Pick<KpiDefinition, 'tolerance'>): ToleranceBands {
  return { green: Number(definition.tolerance.greenPct) / 100, amber: Number(definition.tolerance.amberPct) / 100 };
}

/** The bands of a definition that names none, as fractions. */
export const DEFAULT_TOLERANCE: ToleranceBands = toleranceOf({ tolerance: DEFAULT_TOLERANCE_PCT });

/** The weight in the composite: the project type's own, else the definition's. */
export function weightOf(
  definition: Pick<KpiDefinition, 'weight' | 'projectTypeOverrides'>,
  projectType?: ProjectType,
): number {
  const own = projectType === undefined ? undefined : definition.projectTypeOverrides[projectType]?.weight;
  return Number(own ?? definition.weight);
}

/** The project type's own target, when its override names one. */
export function overrideTargetOf(
  definition: Pick<KpiDefinition, 'projectTypeOverrides'>,
  projectType?: ProjectType,
): number | undefined {
  const own = projectType === undefined ? undefined : definition.projectTypeOverrides[projectType]?.target;
  return own === undefined ? undefined : Number(own);
}

/** Whether the KPI counts in the composite of the project type (every KPI counts in a scorecard of all types). */
export function countsFor(definition: Pick<KpiDefinition, 'projectTypeOverrides'>, projectType?: ProjectType): boolean {
  return projectType === undefined || definition.projectTypeOverrides[projectType]?.counts !== false;
}

/** A number as the domain's decimal text: at most 6 decimals. */
export function decimalText(value: number): string {
  return String(Number(value.toFixed(6)));
}
