import { Decimal } from '@presales/domain';
import type { KpiContext } from '../model/context.js';
import { ratio, toNumber } from '../model/stats.js';
import { decidedInPeriod, inPeriod } from '../model/units.js';

/**
 * requirement_fit_rate — "RequirementFitAssessed events in P | (standard + configurable) ÷
 * units". Scope: the opportunity stream's opportunity in OPP, except that "requirement fits …
 * in a product_line scope use their own productLine". Every assessment is a unit, a
 * re-assessment of the same requirement too.
 */
export function requirementFitRate(ctx: KpiContext): number | null {
  const assessments = [...ctx.model.opportunities.values()].flatMap((opportunity) =>
    inPeriod(ctx, opportunity.fitAssessments).filter((assessment) =>
      ctx.scope.kind === 'product_line'
        ? assessment.data.productLine === ctx.scope.id
        : ctx.scope.opportunity(opportunity.id),
    ),
  );
  return ratio(
    assessments.filter((assessment) => assessment.data.fit === 'standard' || assessment.data.fit === 'configurable')
      .length,
    assessments.length,
  );
}

/**
 * gap_loss_value — "OpportunityLost events in P citing ≥1 productGapId | Σ the opportunity's
 * estimatedValue", in the reporting currency; 0 when there are none ("Sums over no units are 0").
 */
export function gapLossValue(ctx: KpiContext): number | null {
  let sum = Decimal.ZERO;
  for (const opportunity of decidedInPeriod(ctx)) {
    const closing = opportunity.closing!;
    if (closing.type !== 'OpportunityLost' || closing.data.productGapIds.length === 0) continue;
    if (opportunity.registered !== undefined) sum = sum.plus(ctx.money(opportunity.registered.data.estimatedValue));
  }
  return toNumber(sum);
}
