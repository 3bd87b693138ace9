import {
  areaMaturity,
  composite,
  kpiPracticeRules,
  practiceEvidence,
  formatPeriod,
  MATURITY_LEVELS,
  MATURITY_PRACTICES,
  periodBounds,
  periodContaining,
  PROCESS_AREAS,
  shiftPeriod,
  type PublishedKpi,
  type KpiPracticeKind,
  type Period,
  type PracticeEvidence,
  type ProcessArea,
} from '@presales/kpi';
import type { MaturityResponse, ScorecardLine, ScorecardResponse } from '@presales/contracts';
import type { AnalyticsStore } from '../analytics-store.port.js';
import type { FxRates } from '../kpis/kpi-query.js';
import { randomUUID } from 'node:crypto';
import { buildScorecards } from '../kpis/scorecard.js';
import { recordPractices } from './record-practices.js';

export interface MaturityRequest {
  readonly asOf: Date;
  /** Quarters before asOf's quarter (KPIS.md default: 2). */
  readonly windowQuarters: number;
  /** Share of units a practice must cover (KPIS.md default: 0.8). */
  readonly threshold: number;
  readonly definitions: readonly PublishedKpi[];
  readonly fx: FxRates;
  /** Only these areas (the drill-down of one area). */
  readonly areas?: readonly ProcessArea[];
  /**
   * Marks the request's statements in the engine's query log (decision 0040): the caller's
   * request id, or a fresh one. Letters, digits, `-` and `_`.
   */
  readonly tag?: string;
}

const FAILING_SHOWN = 50;

/** The maturity level of each process area with every practice's evidence (KPIS.md, staged rule). */
export async function assessMaturity(store: AnalyticsStore, request: MaturityRequest): Promise<MaturityResponse> {
  const current = periodContaining(request.asOf, 'quarter');
  const quarters: Period[] = [];
  for (let i = request.windowQuarters; i >= 1; i -= 1) quarters.push(shiftPeriod(current, -i));
  const from = periodBounds(quarters[0]!).start;
  const to = periodBounds(current).start;
  const areas = request.areas ?? PROCESS_AREAS;
  // An area's levels 4 and 5 read its own KPIs only: one area's drill-down computes a sixth of them.
  const definitions = request.definitions.filter((definition) => areas.includes(definition.area));
  const practices = MATURITY_PRACTICES.filter((practice) => areas.includes(practice.area));
  // The scorecards and the practices are independent: sent together, they run side by side.
  const [scorecards, records] = await Promise.all([
    buildScorecards(store, { definitions, scope: { kind: 'org' }, asOf: request.asOf, fx: request.fx }, quarters, {
      trend: 'not_judged',
    }),
    recordPractices(store, {
      practices,
      from,
      to,
      asOf: request.asOf,
      threshold: request.threshold,
      fx: request.fx,
      tag: request.tag ?? randomUUID(),
      failingShown: FAILING_SHOWN,
    }),
  ]);
  const results = areas.map((area) => {
    const recorded = records.filter((_, i) => practices[i]!.area === area);
    const result = areaMaturity(area, [...recorded, ...kpiPractices(area, scorecards, request.threshold)]);
    const reached = MATURITY_LEVELS.find((l) => l.level === result.level)!;
    return { ...result, name: reached.name, zh: reached.zh };
  });
  return {
    asOf: request.asOf.toISOString(),
    window: { from: from.toISOString(), to: to.toISOString(), quarters: quarters.map(formatPeriod) },
    threshold: request.threshold,
    areas: results,
  };
}

/** Levels 4 and 5: targets, actuals, corrective actions and the composite, from the window's scorecards. */
function kpiPractices(
  area: ProcessArea,
  scorecards: readonly ScorecardResponse[],
  threshold: number,
): PracticeEvidence[] {
  const linesOf = (card: ScorecardResponse) =>
    card.lines.filter((line) => line.area === area && line.direction !== 'context');
  const kpiPeriods = scorecards.flatMap((card) => linesOf(card).map((line) => ({ period: card.period, line })));
  const label = ({ period, line }: { period: string; line: ScorecardLine }) => `${line.kpiId}@${period}`;
  const measured = kpiPeriods.filter(({ line }) => line.plan.source === 'target_set' && line.do.actual !== null);
  const reds = kpiPeriods.filter(({ line }) => line.check.status === 'red');
  const acted = reds.filter(({ line }) => line.act.actionIds.length > 0);
  const effective = kpiPeriods.reduce((sum, { line }) => sum + line.act.verifiedEffective, 0);
  const verified = kpiPeriods.reduce(
    (sum, { line }) => sum + line.act.verifiedEffective + line.act.verifiedIneffective,
    0,
  );
  const composites = scorecards.map(
    (card) =>
      composite(
        linesOf(card).map((line) => ({
          kpiId: line.kpiId,
          weight: line.weight,
          attainment: line.do.units === 0 ? null : line.check.attainment,
        })),
      ).score,
  );
  const [first, last] = [composites[0] ?? null, composites[composites.length - 1] ?? null];
  const improved = first !== null && last !== null && composites.length > 1 && last > first;
  const counted: Record<KpiPracticeKind, { evidence: number; units: number; failingUnitIds: readonly string[] }> = {
    kpis_targeted_and_measured: {
      evidence: measured.length,
      units: kpiPeriods.length,
      failingUnitIds: kpiPeriods
        .filter((kp) => !measured.includes(kp))
        .map(label)
        .slice(0, FAILING_SHOWN),
    },
    red_kpis_get_actions: {
      evidence: acted.length,
      units: reds.length,
      failingUnitIds: reds
        .filter((kp) => !acted.includes(kp))
        .map(label)
        .slice(0, FAILING_SHOWN),
    },
    actions_effective: { evidence: effective, units: verified, failingUnitIds: [] },
    composite_improved: {
      evidence: improved ? 1 : 0,
      units: 1,
      failingUnitIds: improved
        ? []
        : composites.length < 2
          ? ['a window of one quarter: improving needs two or more (window ≥ 2)']
          : [`composite ${first?.toFixed(3) ?? 'no data'} → ${last?.toFixed(3) ?? 'no data'}`],
    },
  };
  return kpiPracticeRules(area).map((rule) => practiceEvidence(rule, threshold, counted[rule.kind]));
}
