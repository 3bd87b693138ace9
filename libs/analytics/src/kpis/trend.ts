import {
  defaultTargetOf,
  formatPeriod,
  periodsBetween,
  ragStatus,
  signedVariance,
  toleranceOf,
  type Grain,
  type PublishedKpi,
} from '@presales/kpi';
import type { TrendResponse } from '@presales/contracts';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { computeOrReadKpis, computeLiveKpis } from './compute-kpi.js';
import type { KeptActuals } from './kept/kept-actuals.js';
import { formatScope, type FxRates, type KpiScope, type LiveClock } from './kpi-query.js';
import { readsAsOf, targetsByPeriod } from './pdca-records.js';
import { unitsHref } from './units-href.js';

export interface TrendRequest {
  readonly definition: PublishedKpi;
  readonly from: Date;
  readonly to: Date;
  readonly grain: Grain;
  readonly scope: KpiScope;
  readonly asOf: Date;
  readonly fx: FxRates;
  /** A live trend: `asOf` is when it was asked for, the answer's is when it was complete. */
  readonly live?: LiveClock;
  /** Values kept per period (decision 0054), read instead of computed where they answer the question. */
  readonly kept?: KeptActuals;
}

/**
 * The KPI per period from `from` to `to`, with each period's target and status: every period's
 * value sent together (computeKpis) and every target in one query, however long the trend.
 */
export async function buildTrend(store: AnalyticsStore, request: TrendRequest): Promise<TrendResponse> {
  const periods = periodsBetween(request.from, request.to, request.grain);
  const { live, kept, ...query } = request;
  const queries = periods.map((period) => ({ ...query, period }));
  const { actuals, asOf } =
    live === undefined
      ? { actuals: await computeOrReadKpis(store, queries, kept), asOf: request.asOf }
      : await computeLiveKpis(store, queries, request.asOf, live, kept);
  const targets = await targetsByPeriod(readsAsOf(store, request.asOf), periods.map(formatPeriod), request.scope);
  const [defaultTarget, tolerance] = [defaultTargetOf(request.definition), toleranceOf(request.definition)];
  const points = periods.map((period, i): TrendResponse['points'][number] => {
    const actual = actuals[i]!;
    const targetSet = targets.get(formatPeriod(period))?.get(request.definition.id);
    const target = request.definition.direction === 'context' ? null : (targetSet ?? defaultTarget);
    const status = ragStatus(
      signedVariance(actual.value, target, request.definition.direction),
      request.definition.direction,
      tolerance,
    );
    const trace = { sql: actual.sql, unitsHref: unitsHref({ ...request, period, asOf }), error: actual.error ?? null };
    return { period: formatPeriod(period), actual: actual.value, target, status, units: actual.units, ...trace };
  });
  return {
    kpiId: request.definition.id,
    version: request.definition.version,
    grain: request.grain,
    scope: formatScope(request.scope),
    asOf: asOf.toISOString(),
    points,
  };
}
