import {
  attainment,
  composite,
  countsFor,
  defaultTargetOf,
  formatPeriod,
  overrideTargetOf,
  previousPeriod,
  ragStatus,
  signedVariance,
  toleranceOf,
  trend,
  weightOf,
  type PublishedKpi,
  type Period,
  type ProjectType,
} from '@presales/kpi';
import type { ScorecardLine, ScorecardResponse } from '@presales/contracts';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { computeOrReadKpis, computeKpisWith, computeLiveKpis, type KpiActual } from './compute-kpi.js';
import type { KeptActuals } from './kept/kept-actuals.js';
import { formatScope, type KpiQuery, type LiveClock } from './kpi-query.js';
import { actionsByPeriod, readsAsOf, targetsByPeriod, type ActionRecord, type RecordReads } from './pdca-records.js';
import type { ScratchCopies } from './scratch-copies.js';
import { unitsHref } from './units-href.js';

export interface ScorecardRequest extends Omit<KpiQuery, 'definition' | 'projectType' | 'wholeTables'> {
  readonly definitions: readonly PublishedKpi[];
  readonly projectType?: ProjectType;
  /** A live scorecard: `asOf` is when it was asked for, the answer's is when it was complete. */
  readonly live?: LiveClock;
  /** Values kept per period (decision 0054), read instead of computed where they answer the question. */
  readonly kept?: KeptActuals;
}

/** Plan, Do, Check, Act for every KPI of one period and scope, and the composite (KPIS.md). */
export async function buildScorecard(store: AnalyticsStore, request: ScorecardRequest): Promise<ScorecardResponse> {
  const [scorecard] = await buildScorecards(store, request, [request.period]);
  return scorecard!;
}

/**
 * Whether the cards judge each KPI's trend against its previous period. Maturity reads no trend:
 * without it the period before a window is not computed (a third of a 2-quarter window's KPI
 * queries), and every line says trend `no_data` with no previous actual.
 */
export interface ScorecardsOptions {
  readonly trend: 'against_previous_period' | 'not_judged';
  /**
   * Read every table from a request's copies as of the request's asOf (maturity's levels 4 and
   * 5, decision 0045) instead of in place: each table the KPIs and records name is read once.
   * The question is then as of asOf, never live.
   */
  readonly copies?: ScratchCopies;
}

/** The previous period's actual of a card that judges no trend. */
const NOT_COMPUTED: KpiActual = { value: null, units: 0, sql: '' };

/**
 * The scorecards of several periods of one scope (a maturity window's quarters), as of one
 * moment. Each period needs the previous one for its trend; a period computed for one card
 * serves the next, so consecutive periods cost one more period each, not two. Every KPI of
 * every period is sent together (computeKpis).
 */
export async function buildScorecards(
  store: AnalyticsStore,
  request: Omit<ScorecardRequest, 'period'>,
  periods: readonly Period[],
  options: ScorecardsOptions = { trend: 'against_previous_period' },
): Promise<ScorecardResponse[]> {
  const computed = new Map<string, Period>();
  const neededFor = (period: Period) =>
    options.trend === 'against_previous_period' ? [period, previousPeriod(period)] : [period];
  for (const period of periods) for (const needed of neededFor(period)) computed.set(formatPeriod(needed), needed);
  const slotOf = new Map([...computed.keys()].map((key, i) => [key, i * request.definitions.length]));
  // A KPI query is the request's question of one definition and period (as a trend's are).
  const { live, definitions, kept, ...question } = request;
  const queries = [...computed.values()].flatMap((period) =>
    definitions.map((definition) => ({ ...question, period, definition })),
  );
  const { copies } = options;
  if (copies !== undefined && (live !== undefined || copies.asOf.getTime() !== request.asOf.getTime()))
    throw new RangeError('scorecards read from copies are as of the copies’ asOf, never live');
  const reads = copies?.recordReads() ?? readsAsOf(store, request.asOf);
  const [records, { actuals, asOf }] = await Promise.all([
    pdcaRecordsOf(reads, periods.map(formatPeriod), request),
    copies !== undefined
      ? computeKpisWith(copies.kpiStatements(), queries).then((actuals) => ({ actuals, asOf: request.asOf }))
      : live === undefined
        ? computeOrReadKpis(store, queries, kept).then((actuals) => ({ actuals, asOf: request.asOf }))
        : computeLiveKpis(store, queries, request.asOf, live, kept),
  ]);
  return periods.map((period) => {
    const current = slotOf.get(formatPeriod(period))!;
    const previous =
      options.trend === 'against_previous_period' ? slotOf.get(formatPeriod(previousPeriod(period)))! : undefined;
    const targets = records.targets.get(formatPeriod(period)) ?? new Map<string, number>();
    const actions = records.actions.get(formatPeriod(period)) ?? [];
    const lines = request.definitions.map((definition, i) =>
      scorecardLine(
        { ...request, period, asOf },
        definition,
        actuals[current + i]!,
        previous === undefined ? NOT_COMPUTED : actuals[previous + i]!,
        targets,
        actions,
      ),
    );
    // Context KPIs are never judged; a project type may also say a KPI does not count for it.
    // Each line is its definition's, in the same order.
    const counts = (line: ScorecardLine, i: number) =>
      line.direction !== 'context' && countsFor(request.definitions[i]!, request.projectType);
    // A KPI computed from no units (a sum over nothing is 0) is no evidence either way: left out,
    // and listed with those that do not count (docs/kpis.md).
    const result = composite(
      lines.map((line, i) => ({
        kpiId: line.kpiId,
        weight: line.weight,
        attainment: counts(line, i) && line.do.units !== 0 ? line.check.attainment : null,
      })),
    );
    return {
      period: formatPeriod(period),
      scope: formatScope(request.scope),
      asOf: asOf.toISOString(),
      projectType: request.projectType ?? null,
      reportingCurrency: request.fx.reportingCurrency,
      lines,
      composite: result,
    };
  });
}

/**
 * Plan's targets and Act's corrective actions of the periods, as of the request's moment: the
 * statements of one period for them all (a maturity window's quarters, decision 0050).
 */
async function pdcaRecordsOf(
  reads: RecordReads,
  periods: readonly string[],
  request: Omit<ScorecardRequest, 'period'>,
) {
  const [targets, actions] = await Promise.all([
    targetsByPeriod(reads, periods, request.scope),
    actionsByPeriod(reads, periods, request.scope),
  ]);
  return { targets, actions };
}

function scorecardLine(
  request: ScorecardRequest,
  definition: PublishedKpi,
  actual: KpiActual,
  previous: KpiActual,
  targets: ReadonlyMap<string, number>,
  actions: readonly ActionRecord[],
): ScorecardLine {
  const plan = planOf(definition, targets.get(definition.id), overrideTargetOf(definition, request.projectType));
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
    weight: weightOf(definition, request.projectType),
    plan,
    do: {
      actual: actual.value,
      units: actual.units,
      sql: actual.sql,
      unitsHref: unitsHref({ ...request, definition }),
      error: actual.error ?? null,
    },
    check: {
      variance,
      status: ragStatus(variance, definition.direction, toleranceOf(definition)),
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

function planOf(
  definition: PublishedKpi,
  targetSet: number | undefined,
  overrideTarget: number | undefined,
): ScorecardLine['plan'] {
  if (definition.direction === 'context') return { target: null, source: 'none' };
  if (targetSet !== undefined) return { target: targetSet, source: 'target_set' };
  if (overrideTarget !== undefined) return { target: overrideTarget, source: 'project_type_override' };
  const defaultTarget = defaultTargetOf(definition);
  return defaultTarget === null ? { target: null, source: 'none' } : { target: defaultTarget, source: 'default' };
}
