import { attainment, composite, type PublishedKpi, type KpiPracticeKind, type ProcessArea } from '@presales/kpi';
import { oracleKpis, type OracleQuery } from '../oracle.js';
import { isIn, periodWindow } from '../model/period.js';
import type { MaturityFacts } from './facts.js';
import type { PracticeUnit } from './record-practices.js';
import type { MaturityWindow } from './window.js';

/** One KPI of an area in one quarter of the window, as the org's scorecard judges it. */
interface KpiQuarter {
  readonly kpiId: string;
  readonly quarter: string;
  readonly actual: number | null;
  readonly targetSet: boolean;
  readonly red: boolean;
  /** Corrective actions raised for this KPI and quarter, any scope (the org acts through all). */
  readonly actionIds: readonly string[];
  readonly attainment: number | null;
  readonly weight: number;
}

export interface KpiInputs {
  readonly definitions: readonly PublishedKpi[];
  readonly fx: OracleQuery['fx'];
}

/** Every KPI's org value per quarter, folded by the KPI oracle once per quarter. */
function actualsOf(
  events: Parameters<typeof oracleKpis>[0],
  asOf: string,
  quarters: readonly string[],
  inputs: KpiInputs,
) {
  const sla = inputs.definitions.find((d) => d.id === 'response_sla_attainment')?.parameters['slaHoursByKind'] ?? {};
  return new Map(
    quarters.map((quarter) => [
      quarter,
      oracleKpis(events, {
        period: quarter,
        scope: { kind: 'org' },
        asOf,
        fx: inputs.fx,
        parameters: { slaHoursByKind: sla },
      }),
    ]),
  );
}

/**
 * Whether a KPI's value in a quarter was computed from no units at all. Only a sum has a value
 * then (0): docs/kpis.md leaves it out of the composite. A new sum KPI must say what its units are.
 */
function hasNoUnits(definition: PublishedKpi, quarter: string, facts: MaturityFacts): boolean {
  if (definition.aggregate !== 'sum') return false;
  if (definition.id !== 'gap_loss_value')
    throw new Error(`the maturity oracle does not know the units of the sum KPI ${definition.id}`);
  const period = periodWindow(quarter);
  return !facts
    .of('OpportunityLost')
    .some((lost) => isIn(period, lost.occurredMs) && lost.data.productGapIds.length > 0);
}

/** KPIS.md Check: red when the signed variance falls short of the target by more than the amber band (a percent of the target). */
function isRed(definition: PublishedKpi, actual: number | null, target: number | null): boolean {
  if (actual === null || target === null || target === 0) return false;
  const raw = (actual - target) / Math.abs(target);
  const signed = definition.direction === 'up' ? raw : definition.direction === 'down' ? -raw : -Math.abs(raw);
  return signed < -Number(definition.tolerance.amberPct) / 100;
}

/** The org's KpiTargetSet of a KPI and quarter: the latest by position, recorded by asOf. */
function targetSet(facts: MaturityFacts, kpiId: string, quarter: string): number | undefined {
  const set = facts
    .of('KpiTargetSet')
    .filter((f) => f.entityId === kpiId && f.data.period === quarter && f.data.scope.kind === 'org');
  return set.length === 0 ? undefined : Number(set[set.length - 1]!.data.target);
}

/** The window's KPI-quarters of an area: its judged KPIs (not context) × its quarters. */
export function kpiQuarters(
  area: ProcessArea,
  events: Parameters<typeof oracleKpis>[0],
  facts: MaturityFacts,
  window: MaturityWindow,
  asOf: string,
  inputs: KpiInputs,
): KpiQuarter[] {
  const actuals = actualsOf(events, asOf, window.quarters, inputs);
  const judged = inputs.definitions.filter((d) => d.area === area && d.direction !== 'context');
  return window.quarters.flatMap((quarter) =>
    judged.map((definition): KpiQuarter => {
      const actual = actuals.get(quarter)![definition.id] ?? null;
      const set = targetSet(facts, definition.id, quarter);
      const target = set ?? (definition.defaultTarget === null ? null : Number(definition.defaultTarget));
      const actionIds = facts
        .of('CorrectiveActionRaised')
        .filter((f) => f.data.kpiId === definition.id && f.data.period === quarter)
        .map((f) => f.entityId);
      return {
        kpiId: definition.id,
        quarter,
        actual,
        targetSet: set !== undefined,
        red: isRed(definition, actual, target),
        actionIds,
        attainment: hasNoUnits(definition, quarter, facts) ? null : attainment(actual, target, definition.direction),
        weight: Number(definition.weight),
      };
    }),
  );
}

/** Levels 4 and 5 of an area: the units of each practice, as KPIS.md words them. */
export function kpiPracticeUnits(
  quarters: readonly KpiQuarter[],
  window: MaturityWindow,
  facts: MaturityFacts,
): Record<KpiPracticeKind, PracticeUnit[]> {
  const label = (kq: KpiQuarter) => `${kq.kpiId}@${kq.quarter}`;
  // The latest verification of each action, by position.
  const verdicts = new Map(facts.of('CorrectiveActionVerified').map((f) => [f.entityId, f.data.effective]));
  const verified = quarters.flatMap((kq) =>
    kq.actionIds.filter((id) => verdicts.has(id)).map((id) => ({ id, ok: verdicts.get(id) === true })),
  );
  const composites = window.quarters.map(
    (quarter) =>
      composite(
        quarters
          .filter((kq) => kq.quarter === quarter)
          .map((kq) => ({ kpiId: kq.kpiId, weight: kq.weight, attainment: kq.attainment })),
      ).score,
  );
  const [first, last] = [composites[0] ?? null, composites[composites.length - 1] ?? null];
  const improved = composites.length > 1 && first !== null && last !== null && last > first;
  return {
    kpis_targeted_and_measured: quarters.map((kq) => ({ id: label(kq), ok: kq.targetSet && kq.actual !== null })),
    red_kpis_get_actions: quarters.filter((kq) => kq.red).map((kq) => ({ id: label(kq), ok: kq.actionIds.length > 0 })),
    actions_effective: verified,
    composite_improved: [{ id: 'composite', ok: improved }],
  };
}
