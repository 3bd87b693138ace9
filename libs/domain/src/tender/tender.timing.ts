import { compareUtcTimes } from '../shared/time.js';
import type { TenderFacts } from './tender.state.js';

/**
 * `late`, derived and never stored (DOMAIN.md): a BidSubmitted whose occurredAt is after the
 * tender's deadline. A late submission is recorded like any other; this only flags it.
 * Exactly at the deadline is on time, as the on_time_submission_rate KPI counts (≤ deadline).
 */
export function isLateSubmission(tender: Pick<TenderFacts, 'deadline'>, submittedAt: string): boolean {
  return compareUtcTimes(submittedAt, tender.deadline) > 0;
}
