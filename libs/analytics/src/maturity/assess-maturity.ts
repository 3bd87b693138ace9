import { randomUUID } from 'node:crypto';
import {
  areaMaturity,
  formatPeriod,
  kpiPracticeEvidence,
  MATURITY_LEVELS,
  MATURITY_PRACTICES,
  periodBounds,
  periodContaining,
  PROCESS_AREAS,
  shiftPeriod,
  type PublishedKpi,
  type Period,
  type ProcessArea,
} from '@presales/kpi';
import type { MaturityResponse } from '@presales/contracts';
import type { AnalyticsStore } from '../analytics-store.port.js';
import type { FxRates } from '../kpis/kpi-query.js';
import { buildScorecards } from '../kpis/scorecard.js';
import { withScratchCopies } from '../kpis/scratch-copies.js';
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
  // Levels 2 and 3 (the practices) and 4 and 5 (the window's scorecards) read the same copies:
  // each table the request needs is read once (decisions 0040, 0045).
  const [scorecards, records] = await withScratchCopies(
    store,
    { asOf: request.asOf, tag: request.tag ?? randomUUID() },
    (copies) =>
      Promise.all([
        buildScorecards(store, { definitions, scope: { kind: 'org' }, asOf: request.asOf, fx: request.fx }, quarters, {
          trend: 'not_judged',
          copies,
        }),
        recordPractices(copies, {
          practices,
          from,
          to,
          asOf: request.asOf,
          threshold: request.threshold,
          fx: request.fx,
          failingShown: FAILING_SHOWN,
        }),
      ]),
  );
  const results = areas.map((area) => {
    const recorded = records.filter((_, i) => practices[i]!.area === area);
    const result = areaMaturity(area, [
      ...recorded,
      ...kpiPracticeEvidence(area, scorecards, request.threshold, FAILING_SHOWN),
    ]);
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
