import {
  attainment,
  composite,
  formatPeriod,
  previousPeriod,
  ragStatus,
  signedVariance,
  trend,
  type KpiDefinition,
  type ProjectType,
} from '@presales/kpi';
import type { ScorecardLine, ScorecardResponse } from '@presales/contracts';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { computeKpis, computeLiveKpis, type KpiActual } from './compute-kpi.js';
import { formatScope, type KpiQuery, type LiveClock } from './kpi-query.js';
import { actionsFor, targetsFor, type ActionRecord } from './pdca-records.js';

export interface ScorecardRequest extends Omit<KpiQuery, 'definition' | 'projectType' | 'wholeTables'> {
  readonly definitions: readonly KpiDefinition[];
  readonly projectType?: ProjectType;
  /** A live scorecard: `asOf` is when it was asked for, the answer's is when it was complete. */
  readonly live?: LiveClock;
}

/** Plan, Do, Check, Act for every KPI of one period and scope, and the composite (KPIS.md). */
export async function buildScorecard(store: AnalyticsStore, request: ScorecardRequest): Promise<ScorecardResponse> {
  const period = formatPeriod(request.period);
  const [targets, actions] = await Promise.all([targetsFor(store, period, request.scope, request.asOf), actionsFor(store, period, request.scope, request.asOf)]);
  // Every KPI for the period and the previous one, sent together (computeKpis).
  const queries = request.definitions.flatMap((definition) => [
    { ...request, definition },
    { ...request, definition, period: previousPeriod(request.period) },
  ]);
  const { actuals, asOf } =
    request.live === undefined ? { actuals: await computeKpis(store, queries), asOf: request.asOf } : await computeLiveKpis(store, queries, request.asOf, request.live);
  const lines = request.definitions.map((definition, i) => scorecardLine({ ...request, asOf }, definition, actuals[2 * i]!, actuals[2 * i + 1]!, targets, actions));
  // Context KPIs are never judged; a project type may also say a KPI does not count for it.
  const counts = (line: ScorecardLine) =>
    line.direction !== 'context' &&
    (request.projectType === undefined || request.definitions.find((d) => d.id === line.kpiId)?.projectTypeOverrides[request.projectType]?.counts !== false);
  // A KPI computed from no units (a sum over nothing is 0) is no evidence either way: left out.
  const result = composite(
    lines.filter(counts).map((line) => ({ kpiId: line.kpiId, weight: line.weight, attainment: line.do.units === 0 ? null : line.check.attainment })),
  );
  return {
    period,
    scope: formatScope(request.scope),
    asOf: asOf.toISOString(),
    projectType: request.projectType ?? null,
    reportingCurrency: request.fx.reportingCurrency,
    lines,
    composite: result,
  };
}

function scorecardLine(
  request: ScorecardRequest,
  definition: KpiDefinition,
  actual: KpiActual,
  previous: KpiActual,
  targets: ReadonlyMap<string, number>,
  actions: readonly ActionRecord[],
): ScorecardLine {
  const override = request.projectType === undefined ? undefined : definition.projectTypeOverrides[request.projectType];
  const plan = planOf(definition, targets.get(definition.id), override?.target);
  const variance = signedVariance(actual.value, plan.target, definition.direction);
  const mine = actions.filter((action) => action.kpiId === definition.id);
  const count = (state: ActionRecord['state']) => mine.filter((action) => action.state === state).length;
  return {
    kpiId: definition.id,
    version: definition.version,
    names: definition.names,
    area: definition.area,
    unit: definition.unit,
    direction: definition.direction,
    weight: override?.weight ?? definition.weight,
    plan,
    do: {
      actual: actual.value,
      units: actual.units,
      sql: actual.sql,
      unitsHref: `/api/kpis/${definition.id}/units?period=${formatPeriod(request.period)}&scope=${encodeURIComponent(formatScope(request.scope))}&asOf=${request.asOf.toISOString()}`,
    },
    check: {
      variance,
      status: ragStatus(variance, definition.direction, definition.tolerance),
      previousActual: previous.value,
      trend: trend(actual.value, previous.value, definition.direction, plan.target),
      attainment: attainment(actual.value, plan.target, definition.direction),
    },
    act: {
      open: count('open'),
      completed: count('completed'),
      verifiedEffective: count('verified_effective'),
      verifiedIneffective: count('verified_ineffective'),
      actionIds: mine.map((action) => action.actionId),
    },
  };
}

function planOf(definition: KpiDefinition, targetSet: number | undefined, overrideTarget: number | undefined): ScorecardLine['plan'] {
  if (definition.direction === 'context') return { target: null, source: 'none' };
  if (targetSet !== undefined) return { target: targetSet, source: 'target_set' };
  if (overrideTarget !== undefined) return { target: overrideTarget, source: 'project_type_override' };
  return definition.defaultTarget === null ? { target: null, source: 'none' } : { target: definition.defaultTarget, source: 'default' };
}
