import { formatPeriod, type PublishedKpi, type Period } from '@presales/kpi';
import { formatScope, type KpiScope } from './kpi-query.js';

/** What a KPI value answered: the drill-down link asks the same question of the same definition. */
export interface ValueQuestion {
  readonly definition: PublishedKpi;
  readonly period: Period;
  readonly scope: KpiScope;
  readonly asOf: Date;
  readonly projectType?: string;
}

/** The link to the units behind a value (GET /api/kpis/:id/units), asOf last. */
export function unitsHref({ definition, period, scope, asOf, projectType }: ValueQuestion): string {
  const type = projectType === undefined ? '' : `&projectType=${projectType}`;
  return `/api/kpis/${definition.id}/units?period=${formatPeriod(period)}&scope=${encodeURIComponent(formatScope(scope))}&version=${definition.version}${type}&asOf=${asOf.toISOString()}`;
}
