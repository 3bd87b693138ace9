import { IllegalStateError, NotFoundError } from '../shared/errors.js';
import { assertNever } from '../shared/message.js';
import { checkAddressee, checkCreation, notCreated } from '../shared/rules.js';
import { compareUtcTimes } from '../shared/time.js';
import type { TenderEvent } from './tender.events.js';
import type { TenderState } from './tender.state.js';

/**
 * The tender's invariants (DOMAIN.md): no section, review or submission after a no_bid;
 * BidSubmitted at most once; an outcome only after submission. A late submission is accepted
 * (see isLateSubmission). Beyond DOMAIN.md: no_bid, withdrawal and an outcome end the tender;
 * the response is frozen once submitted; clarifications are answered once, by id; a tender's
 * deadline is after its receipt.
 */
export function checkTenderEvent(state: TenderState, event: TenderEvent, tenderId: string, occurredAt: string): void {
  const subject = `tender ${tenderId}`;
  const reject = (rule: string, fields: readonly string[] = []) => new IllegalStateError(subject, rule, fields);
  if (event.type === 'TenderReceived') {
    checkCreation('tender', tenderId, state.status !== 'none', event.type, event.data.tenderId);
    // A tender received at or after its own deadline contradicts itself: nobody can respond to
    // it, and every lead-time and on-time figure drawn from it would be negative or meaningless.
    if (compareUtcTimes(event.data.deadline, occurredAt) <= 0)
      throw reject(`its deadline ${event.data.deadline} is not after its receipt ${occurredAt}`, ['deadline']);
    return;
  }
  if (state.status === 'none') throw notCreated(subject, event.type, 'TenderReceived');
  checkAddressee(`tender ${state.tender.tenderId}`, state.tender.tenderId, tenderId, event.type);
  switch (state.status) {
    case 'no_bid':
      throw reject(`${event.type} after a no_bid decision`);
    case 'withdrawn':
      throw reject(`${event.type} after the bid was withdrawn`);
    case 'closed':
      throw reject(`${event.type} after the outcome ${state.outcome} was recorded`);
    case 'open':
    case 'submitted':
      break;
    default:
      assertNever(state, 'tender state');
  }
  const submitted = state.status === 'submitted';
  const { work } = state;
  switch (event.type) {
    case 'BidDecisionMade':
      if (work.decision !== 'undecided')
        throw reject(`BidDecisionMade again: the decision ${work.decision} was already made`);
      if (submitted && event.data.decision === 'no_bid')
        throw reject('a no_bid decision after the bid was submitted: record BidWithdrawn instead');
      return;
    case 'ResponseSectionAssigned':
      if (submitted) throw reject('ResponseSectionAssigned after the bid was submitted');
      return;
    case 'ResponseSectionDrafted':
      if (submitted) throw reject('ResponseSectionDrafted after the bid was submitted');
      if (!work.sections.has(event.data.sectionId)) {
        throw new NotFoundError(
          `${subject} response section ${event.data.sectionId}`,
          'ResponseSectionDrafted needs ResponseSectionAssigned first',
        );
      }
      return;
    case 'ReviewHeld':
      if (submitted) throw reject('ReviewHeld after the bid was submitted: reviews come before submission');
      if (work.reviewIds.has(event.data.reviewId))
        throw reject(`review ${event.data.reviewId} already recorded`, ['reviewId']);
      return;
    case 'BidSubmitted':
      if (submitted) throw reject('BidSubmitted at most once: the bid was already submitted');
      return;
    case 'BidClarificationRequested':
      if (work.questions.has(event.data.questionId))
        throw reject(`clarification question ${event.data.questionId} already requested`, ['questionId']);
      return;
    case 'BidClarificationAnswered': {
      const question = work.questions.get(event.data.questionId);
      if (question === undefined) {
        throw new NotFoundError(
          `${subject} clarification question ${event.data.questionId}`,
          'BidClarificationAnswered needs BidClarificationRequested first',
        );
      }
      if (question.answered)
        throw reject(`clarification question ${event.data.questionId} already answered`, ['questionId']);
      return;
    }
    case 'BidWithdrawn':
      return;
    case 'BidOutcomeRecorded':
      if (!submitted) throw reject('BidOutcomeRecorded before BidSubmitted: an outcome only after submission');
      return;
    default:
      assertNever(event, 'tender event');
  }
}
