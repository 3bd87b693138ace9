import type { KpiContext } from '../model/context.js';
import { mean, ratio } from '../model/stats.js';
import { activitiesInScope, closedInPeriod, inPeriod, isWon } from '../model/units.js';

/**
 * poc_success_rate — "ActivityCompleted events in P of `poc` activities | those with
 * pocCriteriaTotal > 0 and pocCriteriaMet = pocCriteriaTotal ÷ units".
 */
export function pocSuccessRate(ctx: KpiContext): number | null {
  const completions = activitiesInScope(ctx)
    .filter((activity) => activity.scheduled?.data.kind === 'poc')
    .flatMap((activity) => inPeriod(ctx, activity.completions));
  const succeeded = completions.filter(
    ({ data }) =>
      data.pocCriteriaTotal !== undefined && data.pocCriteriaTotal > 0 && data.pocCriteriaMet === data.pocCriteriaTotal,
  );
  return ratio(succeeded.length, completions.length);
}

/**
 * demo_to_win — "opportunities closed in P with an ActivityCompleted of a `demo` activity naming
 * them (any time) | won ÷ units". Closed includes QualifiedOut.
 */
export function demoToWin(ctx: KpiContext): number | null {
  const units = closedInPeriod(ctx).filter((opportunity) =>
    (ctx.model.activitiesByOpportunity.get(opportunity.id) ?? []).some(
      (activity) => activity.scheduled?.data.kind === 'demo' && activity.completions.length > 0,
    ),
  );
  return ratio(units.filter(isWon).length, units.length);
}

/** customer_satisfaction — "ActivityCompleted events in P with customerSatisfaction | mean customerSatisfaction". */
export function customerSatisfaction(ctx: KpiContext): number | null {
  const scores = activitiesInScope(ctx).flatMap((activity) =>
    inPeriod(ctx, activity.completions).flatMap((completion) =>
      completion.data.customerSatisfaction === undefined ? [] : [completion.data.customerSatisfaction],
    ),
  );
  return mean(scores);
}
