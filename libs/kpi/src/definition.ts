import type { ProcessArea, ProjectType } from '@presales/domain/vocabulary';

// The domain's one copy of the process areas and project types, re-exported for the dashboard.
export { PROCESS_AREAS, PROJECT_TYPES, type ProcessArea, type ProjectType } from '@presales/domain/vocabulary';

/**
 * up: more is better; down: less is better; target: best at the target, worse either side
 * ("up to target, then down"); context: reported, never judged.
 */
export type Direction = 'up' | 'down' | 'target' | 'context';
export type Unit = 'ratio' | 'hours' | 'days' | 'count' | 'money' | 'percent' | 'score';

/** Allowed shortfall of the signed variance, as fractions: green within 5 %, amber within 15 % by default. */
export interface ToleranceBands {
  readonly green: number;
  readonly amber: number;
}
export const DEFAULT_TOLERANCE: ToleranceBands = { green: 0.05, amber: 0.15 };

export interface ProjectTypeOverride {
  readonly weight?: number;
  readonly target?: number;
  /** false: the KPI does not count in this project type's composite. */
  readonly counts?: boolean;
}

/**
 * How the value comes from the units the SQL lists (unit_id, num, den, grp):
 * ratio Σnum ÷ Σden; mean of num; median of num; sum of num; lift = ratio(grp 1) − ratio(grp 0).
 */
export type Aggregate = 'ratio' | 'mean' | 'median' | 'sum' | 'lift';

/** A KPI as data (DESIGN.md decision 10): changing one publishes a new version. */
export interface KpiDefinition {
  readonly id: string;
  readonly version: number;
  readonly names: { readonly en: string; readonly zh: string };
  readonly description: string;
  readonly unit: Unit;
  readonly direction: Direction;
  readonly defaultTarget: number | null;
  readonly tolerance: ToleranceBands;
  readonly weight: number;
  readonly area: ProcessArea;
  readonly aggregate: Aggregate;
  /**
   * SQL template listing the KPI's units (columns unit_id, num, den, grp) over the analytics
   * tables; macros `{{…}}` are filled by libs/analytics (period, asOf, scope, currency). A
   * unit_id names its unit alone, for the drill-down: an entity's id, or `entity/child` for an
   * id only unique in its stream (a tender's sections and reviews, an opportunity's requirements).
   */
  readonly sql: string;
  /** Named parameters of the definition, e.g. SLA hours per request kind. */
  readonly parameters: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly projectTypeOverrides: Readonly<Partial<Record<ProjectType, ProjectTypeOverride>>>;
}
