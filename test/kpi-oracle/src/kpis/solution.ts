import type { KpiContext } from '../model/context.js';
import { isIn } from '../model/period.js';
import { ratio } from '../model/stats.js';
import { closedInPeriod, inPeriod, isWon, opportunitiesInScope, tendersInScope } from '../model/units.js';

/** technical_win_rate — "TechnicalDecisionRecorded events in P | technical_win ÷ units". */
export function technicalWinRate(ctx: KpiContext): number | null {
  const decisions = opportunitiesInScope(ctx).flatMap((opportunity) => inPeriod(ctx, opportunity.technicalDecisions));
  return ratio(decisions.filter((decision) => decision.data.outcome === 'technical_win').length, decisions.length);
}

/**
 * tech_win_to_close — "opportunities closed in P that have a technical_win (any time) | won ÷
 * units". Closed includes QualifiedOut; any technical_win recorded by asOf counts, even one
 * followed by a technical_loss.
 */
export function techWinToClose(ctx: KpiContext): number | null {
  const units = closedInPeriod(ctx).filter((opportunity) =>
    opportunity.technicalDecisions.some((decision) => decision.data.outcome === 'technical_win'),
  );
  return ratio(units.filter(isWon).length, units.length);
}

/**
 * review_rejection_rate — "tenders with ≥1 ReviewHeld in P | tenders with a `rejected`
 * ReviewHeld in P ÷ units".
 */
export function reviewRejectionRate(ctx: KpiContext): number | null {
  const reviewed = tendersInScope(ctx)
    .map((tender) => tender.reviews.filter((review) => isIn(ctx.period, review.occurredMs)))
    .filter((reviews) => reviews.length > 0);
  return ratio(
    reviewed.filter((reviews) => reviews.some((review) => review.data.outcome === 'rejected')).length,
    reviewed.length,
  );
}
