import type { KpiContext } from '../model/context.js';
import { isIn } from '../model/period.js';
import { median, ratio } from '../model/stats.js';
import { hoursBetween, millis } from '../model/time.js';
import { inPeriod, tendersInScope } from '../model/units.js';

/** bid_rate — "BidDecisionMade events in P | bid ÷ units (context: no RAG)". */
export function bidRate(ctx: KpiContext): number | null {
  const decisions = tendersInScope(ctx).flatMap((tender) => inPeriod(ctx, tender.bidDecisions));
  return ratio(decisions.filter((decision) => decision.data.decision === 'bid').length, decisions.length);
}

/**
 * hit_rate — "tenders whose BidOutcomeRecorded is in P and not `cancelled` | awarded ÷ units".
 * A tender's outcome is its latest BidOutcomeRecorded by position (Oracle notes).
 */
export function hitRate(ctx: KpiContext): number | null {
  const outcomes = tendersInScope(ctx).flatMap((tender) =>
    tender.outcome !== undefined &&
    isIn(ctx.period, tender.outcome.occurredMs) &&
    tender.outcome.data.outcome !== 'cancelled'
      ? [tender.outcome]
      : [],
  );
  return ratio(outcomes.filter((outcome) => outcome.data.outcome === 'awarded').length, outcomes.length);
}

/** The BidSubmitted events in P of tenders in scope, each with its tender's TenderReceived (no TenderReceived by asOf: no unit). */
function submissionsInPeriod(ctx: KpiContext) {
  return tendersInScope(ctx).flatMap((tender) =>
    tender.received === undefined
      ? []
      : inPeriod(ctx, tender.submissions).map((submitted) => ({ submitted, received: tender.received! })),
  );
}

/**
 * on_time_submission_rate — "BidSubmitted events in P | submissions with occurredAt ≤ the
 * tender's deadline ÷ units" (exactly at the deadline is on time).
 */
export function onTimeSubmissionRate(ctx: KpiContext): number | null {
  const units = submissionsInPeriod(ctx);
  return ratio(
    units.filter(({ submitted, received }) => submitted.occurredMs <= millis(received.data.deadline)).length,
    units.length,
  );
}

/** bid_turnaround_hours — "BidSubmitted events in P | median hours from the tender's TenderReceived to it". */
export function bidTurnaroundHours(ctx: KpiContext): number | null {
  return median(
    submissionsInPeriod(ctx).map(({ submitted, received }) => hoursBetween(received.occurredMs, submitted.occurredMs)),
  );
}

/**
 * review_first_pass_rate — "tenders whose first ReviewHeld (earliest occurredAt, then position)
 * is in P | first review approved ÷ units".
 */
export function reviewFirstPassRate(ctx: KpiContext): number | null {
  const firstReviews = tendersInScope(ctx).flatMap((tender) => {
    const [first] = [...tender.reviews].sort(
      (a, b) => a.occurredMs - b.occurredMs || (a.position < b.position ? -1 : a.position > b.position ? 1 : 0),
    );
    return first !== undefined && isIn(ctx.period, first.occurredMs) ? [first] : [];
  });
  return ratio(firstReviews.filter((review) => review.data.outcome === 'approved').length, firstReviews.length);
}
