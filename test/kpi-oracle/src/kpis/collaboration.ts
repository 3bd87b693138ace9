import { Decimal } from '@presales/domain';
import type { KpiContext } from '../model/context.js';
import type { Fact, OpportunityModel } from '../model/model.js';
import { decimalRatio, median, ratio } from '../model/stats.js';
import { hoursBetween } from '../model/time.js';
import { decidedInPeriod, inPeriod, isWon } from '../model/units.js';

/** win_rate — "opportunities decided (Won/Lost) in P | won ÷ units". */
export function winRate(ctx: KpiContext): number | null {
  const decided = decidedInPeriod(ctx);
  return ratio(decided.filter(isWon).length, decided.length);
}

/**
 * win_rate_value — "same (units as win_rate) | Σ won amount ÷ Σ (won amount, or the lost
 * opportunity's estimatedValue)", both in the reporting currency.
 */
export function winRateValue(ctx: KpiContext): number | null {
  let won = Decimal.ZERO;
  let all = Decimal.ZERO;
  for (const opportunity of decidedInPeriod(ctx)) {
    const closing = opportunity.closing!;
    if (closing.type === 'OpportunityWon') {
      const amount = ctx.money((closing as Fact<'OpportunityWon'>).data.amount);
      won = won.plus(amount);
      all = all.plus(amount);
    } else if (opportunity.registered !== undefined) {
      // Oracle notes: a lost opportunity without a registration by asOf adds 0.
      all = all.plus(ctx.money(opportunity.registered.data.estimatedValue));
    }
  }
  return decimalRatio(won, all);
}

/**
 * presales_lift — "opportunities decided in P, split by whether they have an ActivityCompleted
 * (of an activity naming them) at or before their closing time | win rate of those with − win
 * rate of those without; null if either group is empty".
 */
export function presalesLift(ctx: KpiContext): number | null {
  const decided = decidedInPeriod(ctx);
  const supported = decided.filter((opportunity) => hadCompletedActivityBeforeClosing(ctx, opportunity));
  const unsupported = decided.filter((opportunity) => !hadCompletedActivityBeforeClosing(ctx, opportunity));
  const withActivity = ratio(supported.filter(isWon).length, supported.length);
  const without = ratio(unsupported.filter(isWon).length, unsupported.length);
  return withActivity === null || without === null ? null : withActivity - without;
}

function hadCompletedActivityBeforeClosing(ctx: KpiContext, opportunity: OpportunityModel): boolean {
  const closedAt = opportunity.closing!.occurredMs;
  const activities = ctx.model.activitiesByOpportunity.get(opportunity.id) ?? [];
  return activities.some((activity) => activity.completions.some((completion) => completion.occurredMs <= closedAt));
}

interface Acknowledgement {
  readonly acknowledged: Fact<'PresalesSupportAcknowledged'>;
  readonly requested: Fact<'PresalesSupportRequested'>;
}

/**
 * The units of the support-request KPIs: "PresalesSupportAcknowledged events in P", with "the
 * PresalesSupportRequested of the same requestId" (in the same opportunity stream). In scope:
 * org → all; product_line → the request's own productLine; team / consultant → "the
 * acknowledging consultant (PresalesSupportAcknowledged.consultantId ∈ CONS)".
 */
function acknowledgementsInPeriod(ctx: KpiContext): Acknowledgement[] {
  const units: Acknowledgement[] = [];
  for (const opportunity of ctx.model.opportunities.values()) {
    for (const acknowledged of inPeriod(ctx, opportunity.acknowledgements)) {
      const requested = opportunity.requests.get(acknowledged.data.requestId);
      if (requested === undefined) continue; // Oracle notes: no request by asOf, no unit.
      if (supportRequestInScope(ctx, acknowledged, requested)) units.push({ acknowledged, requested });
    }
  }
  return units;
}

function supportRequestInScope(
  ctx: KpiContext,
  acknowledged: Fact<'PresalesSupportAcknowledged'>,
  requested: Fact<'PresalesSupportRequested'>,
): boolean {
  switch (ctx.scope.kind) {
    case 'org':
      return true;
    case 'product_line':
      return requested.data.productLine === ctx.scope.id;
    case 'team':
    case 'consultant':
      return ctx.scope.consultants.has(acknowledged.data.consultantId);
  }
}

/** first_response_hours — "PresalesSupportAcknowledged events in P | median hours from the PresalesSupportRequested of the same requestId". */
export function firstResponseHours(ctx: KpiContext): number | null {
  return median(
    acknowledgementsInPeriod(ctx).map(({ requested, acknowledged }) =>
      hoursBetween(requested.occurredMs, acknowledged.occurredMs),
    ),
  );
}

/**
 * response_sla_attainment — "same | acknowledged within the SLA of the request's kind ÷ units;
 * SLA hours per kind are a parameter of the definition (default 24 for every kind)". Within:
 * at most the SLA hours after the request.
 */
export function responseSlaAttainment(ctx: KpiContext): number | null {
  const units = acknowledgementsInPeriod(ctx);
  const withinSla = units.filter(
    ({ requested, acknowledged }) =>
      hoursBetween(requested.occurredMs, acknowledged.occurredMs) <= ctx.slaHours(requested.data.kind),
  );
  return ratio(withinSla.length, units.length);
}
