import { Decimal } from '@presales/domain';
import type { KpiContext } from '../model/context.js';
import { scaledToReporting } from '../model/fx.js';
import type { ConsultantModel, Fact, OpportunityModel } from '../model/model.js';
import { isIn } from '../model/period.js';
import { decimalRatio, ratio, toNumber } from '../model/stats.js';
import { millis } from '../model/time.js';
import { consultantsInScope, inPeriod } from '../model/units.js';

/** Every opportunity Won in P, in scope or not. */
function wonInPeriod(ctx: KpiContext): { opportunity: OpportunityModel; won: Fact<'OpportunityWon'> }[] {
  return [...ctx.model.opportunities.values()].flatMap((opportunity) =>
    opportunity.closing?.type === 'OpportunityWon' && isIn(ctx.period, opportunity.closing.occurredMs)
      ? [{ opportunity, won: opportunity.closing as Fact<'OpportunityWon'> }]
      : [],
  );
}

/** a(c, o): "Σ allocationPct of c's assignments to o" (every assignment recorded by asOf, released or not). */
function allocationTo(consultant: ConsultantModel, opportunityId: string): Decimal {
  let sum = Decimal.ZERO;
  for (const { assigned } of consultant.assignments.values()) {
    if (assigned.data.opportunityId === opportunityId) sum = sum.plus(Decimal.fromNumber(assigned.data.allocationPct));
  }
  return sum;
}

/** "onboarded at some instant of P": [onboarded, offboarded) meets [start, end). */
function onboardedDuring(consultant: ConsultantModel, startMs: number, endMs: number): boolean {
  if (consultant.onboarded === undefined) return false;
  return (
    Math.max(consultant.onboarded.occurredMs, startMs) <
    Math.min(consultant.offboarded?.occurredMs ?? Number.POSITIVE_INFINITY, endMs)
  );
}

/**
 * influenced_revenue_per_consultant — "opportunities Won in P | Σ over them and over c ∈ CONS of
 * amount × a(c,o) ÷ Σ_all c' a(c',o), a = Σ allocationPct of c's assignments to o (opportunities
 * without assignments add 0) ÷ consultants in CONS onboarded at some instant of P".
 * Won opportunities are not filtered by OPP: the attribution to CONS is the scope.
 */
export function influencedRevenuePerConsultant(ctx: KpiContext): number | null {
  const everyone = [...ctx.model.consultants.values()];
  const inScope = consultantsInScope(ctx);
  let influenced = Decimal.ZERO;
  for (const { opportunity, won } of wonInPeriod(ctx)) {
    const all = Decimal.sum(everyone.map((consultant) => allocationTo(consultant, opportunity.id)));
    if (all.isZero()) continue;
    const ours = Decimal.sum(inScope.map((consultant) => allocationTo(consultant, opportunity.id)));
    influenced = influenced.plus(Decimal.ratio([ctx.money(won.data.amount), ours], [all]));
  }
  const consultants = inScope.filter((consultant) =>
    onboardedDuring(consultant, ctx.period.startMs, ctx.period.endMs),
  ).length;
  return ratio(toNumber(influenced), consultants);
}

/**
 * presales_cost_ratio — "consultants in CONS; opportunities Won in P in OPP | Σ hours ×
 * hourlyCost of TimeLogged in P ÷ Σ won amount". Every category of logged time counts; the
 * hourlyCost is the consultant's onboarding one.
 */
export function presalesCostRatio(ctx: KpiContext): number | null {
  let cost = Decimal.ZERO;
  for (const consultant of consultantsInScope(ctx)) {
    const hourlyCost = consultant.onboarded?.data.hourlyCost;
    if (hourlyCost === undefined) continue;
    for (const log of inPeriod(ctx, consultant.timeLogs))
      cost = cost.plus(scaledToReporting(ctx.fx, Decimal.fromNumber(log.data.hours), hourlyCost));
  }
  const won = Decimal.sum(
    wonInPeriod(ctx)
      .filter(({ opportunity }) => ctx.scope.opportunity(opportunity.id))
      .map(({ won }) => ctx.money(won.data.amount)),
  );
  return decimalRatio(cost, won);
}

/**
 * corrective_action_closure — "CorrectiveActionRaised with dueAt in P (bucketed by dueAt) |
 * completed (CorrectiveActionCompleted) at or before dueAt ÷ units". Scope: "org → all;
 * otherwise actions whose scope kind and id equal the scope's".
 */
export function correctiveActionClosure(ctx: KpiContext): number | null {
  const due = [...ctx.model.actions.values()].filter((action) => {
    const raised = action.raised;
    if (raised === undefined || !isIn(ctx.period, millis(raised.data.dueAt))) return false;
    return (
      ctx.scope.kind === 'org' || (raised.data.scope.kind === ctx.scope.kind && raised.data.scope.id === ctx.scope.id)
    );
  });
  const closed = due.filter(
    (action) => action.completed !== undefined && action.completed.occurredMs <= millis(action.raised!.data.dueAt),
  );
  return ratio(closed.length, due.length);
}
