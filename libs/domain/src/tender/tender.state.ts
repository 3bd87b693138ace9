import { GrowOnlyMap } from '../shared/grow-only-map.js';
import { GrowOnlySet } from '../shared/grow-only-set.js';
import { assertNever } from '../shared/message.js';
import type { BidOutcome, BidSubmitted, TenderEvent, TenderKind } from './tender.events.js';

export interface TenderFacts {
  readonly tenderId: string;
  readonly opportunityId: string;
  readonly kind: TenderKind;
  readonly deadline: string;
}

export interface ResponseSection {
  readonly assigneeId: string;
  readonly drafts: number;
}

/**
 * The work on our response while the tender is open or submitted. Grow-only collections: a
 * large tender has hundreds of sections and questions, so copying them per event is quadratic.
 */
export interface ResponseWork {
  /** `no_bid` is not here: a no_bid decision ends the tender (status `no_bid`). */
  readonly decision: 'undecided' | 'bid';
  readonly sections: GrowOnlyMap<string, ResponseSection>;
  readonly reviewIds: GrowOnlySet<string>;
  /** Clarification questions by id: answered or not. */
  readonly questions: GrowOnlyMap<string, { readonly answered: boolean }>;
}

export interface TenderSubmission {
  readonly documentSha256: string;
  readonly channel: BidSubmitted['data']['channel'];
}

/**
 * `open`: received, response in preparation. `submitted`: BidSubmitted recorded (at most once).
 * `no_bid`, `withdrawn` and `closed` (an outcome recorded) accept nothing more.
 */
export type TenderState =
  | { readonly status: 'none' }
  | { readonly status: 'open'; readonly tender: TenderFacts; readonly work: ResponseWork }
  | {
      readonly status: 'submitted';
      readonly tender: TenderFacts;
      readonly work: ResponseWork;
      readonly submission: TenderSubmission;
    }
  | { readonly status: 'no_bid'; readonly tender: TenderFacts }
  | { readonly status: 'withdrawn'; readonly tender: TenderFacts; readonly wasSubmitted: boolean }
  | { readonly status: 'closed'; readonly tender: TenderFacts; readonly outcome: BidOutcome };

export const initialTenderState: TenderState = { status: 'none' };

/** Fresh collections per tender: tenders sharing one empty lineage would reroot it back and forth. */
function noWork(): ResponseWork {
  return {
    decision: 'undecided',
    sections: GrowOnlyMap.empty(),
    reviewIds: GrowOnlySet.empty(),
    questions: GrowOnlyMap.empty(),
  };
}

/** Fold one event. Events are trusted here: `check` (tender.rules.ts) vetted them before. */
export function evolveTender(state: TenderState, event: TenderEvent): TenderState {
  if (event.type === 'TenderReceived') {
    const { tenderId, opportunityId, kind, deadline } = event.data;
    return { status: 'open', tender: { tenderId, opportunityId, kind, deadline }, work: noWork() };
  }
  if (state.status !== 'open' && state.status !== 'submitted') return state;
  const withWork = (work: ResponseWork): TenderState => ({ ...state, work });
  const { work } = state;
  switch (event.type) {
    case 'BidDecisionMade':
      return event.data.decision === 'no_bid'
        ? { status: 'no_bid', tender: state.tender }
        : withWork({ ...work, decision: 'bid' });
    case 'ResponseSectionAssigned': {
      const drafts = work.sections.get(event.data.sectionId)?.drafts ?? 0;
      return withWork({
        ...work,
        sections: work.sections.with(event.data.sectionId, { assigneeId: event.data.assigneeId, drafts }),
      });
    }
    case 'ResponseSectionDrafted': {
      const section = work.sections.get(event.data.sectionId);
      if (section === undefined) return state;
      return withWork({
        ...work,
        sections: work.sections.with(event.data.sectionId, { ...section, drafts: section.drafts + 1 }),
      });
    }
    case 'ReviewHeld':
      return withWork({ ...work, reviewIds: work.reviewIds.with(event.data.reviewId) });
    case 'BidSubmitted':
      return {
        status: 'submitted',
        tender: state.tender,
        work,
        submission: { documentSha256: event.data.documentSha256, channel: event.data.channel },
      };
    case 'BidClarificationRequested':
      return withWork({ ...work, questions: work.questions.with(event.data.questionId, { answered: false }) });
    case 'BidClarificationAnswered':
      return withWork({ ...work, questions: work.questions.with(event.data.questionId, { answered: true }) });
    case 'BidWithdrawn':
      return { status: 'withdrawn', tender: state.tender, wasSubmitted: state.status === 'submitted' };
    case 'BidOutcomeRecorded':
      return { status: 'closed', tender: state.tender, outcome: event.data.outcome };
    default:
      return assertNever(event, 'tender event');
  }
}
