import { formatPeriod, periodsBetween, ragStatus, signedVariance, type Grain, type KpiDefinition } from '@presales/kpi';
import type { TrendResponse } from '@presales/contracts';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { computeKpi } from './compute-kpi.js';
import { formatScope, type FxRates, type KpiScope } from './kpi-query.js';
import { targetsFor } from './pdca-records.js';

export interface TrendRequest {
  readonly definition: KpiDefinition;
  readonly from: Date;
  readonly to: Date;
  readonly grain: Grain;
  readonly scope: KpiScope;
  readonly asOf: Date;
  readonly fx: FxRates;
}

/** The KPI per period from `from` to `to`, with each period's target and status. */
export async function buildTrend(store: AnalyticsStore, request: TrendRequest): Promise<TrendResponse> {
  const points: TrendResponse['points'][number][] = [];
  let sql = '';
  for (const period of periodsBetween(request.from, request.to, request.grain)) {
    const actual = await computeKpi(store, { ...request, period });
    sql = actual.sql;
    const targetSet = (await targetsFor(store, formatPeriod(period), request.scope, request.asOf)).get(request.definition.id);
    const target = request.definition.direction === 'context' ? null : (targetSet ?? request.definition.defaultTarget);
    const status = ragStatus(signedVariance(actual.value, target, request.definition.direction), request.definition.direction, request.definition.tolerance);
    points.push({ period: formatPeriod(period), actual: actual.value, target, status, units: actual.units });
  }
  return { kpiId: request.definition.id, grain: request.grain, scope: formatScope(request.scope), asOf: request.asOf.toISOString(), points, sql };
}
