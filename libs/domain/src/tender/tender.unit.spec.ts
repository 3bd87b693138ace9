import { describe, expect, it } from 'vitest';
import { applyChecked } from '../testing/apply-checked.js';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors.js';
import { foldEvents } from '../shared/decider.js';
import { commandOf, metadataAt } from '../testing/command-fixture.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import { parseReceiveTender, type ReceiveTender, type TenderCommand } from './tender.commands.js';
import { tenderDecider } from './tender.decider.js';
import type { TenderEvent, TenderReceived } from './tender.events.js';
import { isLateSubmission } from './tender.timing.js';

const spec = deciderSpecification(tenderDecider);
const cmd = commandOf<TenderCommand, TenderCommand['type']>;
const tenderId = 'T-9';
const data = {
  tenderId,
  opportunityId: 'O-1',
  kind: 'rfp',
  issuer: 'City of Hangzhou',
  deadline: '2026-03-01T09:00:00Z',
} as const;
const receive: ReceiveTender = { type: 'ReceiveTender', data, metadata: metadataAt() };

const received: TenderReceived = { type: 'TenderReceived', data };
const bid: TenderEvent = {
  type: 'BidDecisionMade',
  data: { decision: 'bid', rationale: 'strategic account', score: 72 },
};
const noBid: TenderEvent = {
  type: 'BidDecisionMade',
  data: { decision: 'no_bid', rationale: 'no reference in the sector', score: 31 },
};
const assigned: TenderEvent = {
  type: 'ResponseSectionAssigned',
  data: { sectionId: 'S-1', title: 'Architecture', assigneeId: 'C-1', dueAt: '2026-02-20T09:00:00Z' },
};
const drafted: TenderEvent = {
  type: 'ResponseSectionDrafted',
  data: { sectionId: 'S-1', authorId: 'C-1', reusedAssetIds: ['A-1'] },
};
const review: TenderEvent = {
  type: 'ReviewHeld',
  data: { reviewId: 'R-1', stage: 'final', reviewerIds: ['M-1'], outcome: 'approved', checklistVersion: 2 },
};
const sha = 'a'.repeat(64);
const submitted: TenderEvent = {
  type: 'BidSubmitted',
  data: { documentSha256: sha, channel: 'portal', receiptRef: 'RCPT-1' },
};
const question: TenderEvent = {
  type: 'BidClarificationRequested',
  data: { questionId: 'Q-1', question: 'Is SSO required?', dueAt: '2026-03-05T09:00:00Z' },
};
const answered: TenderEvent = { type: 'BidClarificationAnswered', data: { questionId: 'Q-1' } };
const withdrawn: TenderEvent = { type: 'BidWithdrawn', data: { reason: 'key engineer left' } };
const awarded: TenderEvent = {
  type: 'BidOutcomeRecorded',
  data: { outcome: 'awarded', awardedAmount: { amount: '1200000.00', currency: 'CNY' } },
};

const makeBid = cmd('MakeBidDecision', { tenderId, decision: 'bid', rationale: 'strategic account', score: 72 });
const makeNoBid = cmd('MakeBidDecision', {
  tenderId,
  decision: 'no_bid',
  rationale: 'no reference in the sector',
  score: 31,
});
const assign = cmd('AssignResponseSection', {
  tenderId,
  sectionId: 'S-1',
  title: 'Architecture',
  assigneeId: 'C-1',
  dueAt: '2026-02-20T09:00:00Z',
});
const draft = cmd('DraftResponseSection', { tenderId, sectionId: 'S-1', authorId: 'C-1', reusedAssetIds: ['A-1'] });
const holdReview = cmd('HoldReview', {
  tenderId,
  reviewId: 'R-1',
  stage: 'final',
  reviewerIds: ['M-1'],
  outcome: 'approved',
  checklistVersion: 2,
});
const submit = (at?: string) =>
  cmd('SubmitBid', { tenderId, documentSha256: sha, channel: 'portal', receiptRef: 'RCPT-1' }, at);
const ask = cmd('RequestBidClarification', {
  tenderId,
  questionId: 'Q-1',
  question: 'Is SSO required?',
  dueAt: '2026-03-05T09:00:00Z',
});
const answer = cmd('AnswerBidClarification', { tenderId, questionId: 'Q-1' });
const withdraw = cmd('WithdrawBid', { tenderId, reason: 'key engineer left' });
const recordAward = cmd('RecordBidOutcome', {
  tenderId,
  outcome: 'awarded',
  awardedAmount: { amount: '1200000.00', currency: 'CNY' },
});

describe('ReceiveTender', () => {
  it('records TenderReceived for a new tender', () => {
    spec.given([]).when(receive).then([received]);
  });

  it('rejects a second TenderReceived for the same tender', () => {
    spec
      .given([received])
      .when(receive)
      .thenThrows(IllegalStateError, 'tender T-9: TenderReceived already recorded for this tender');
  });

  it('rejects a tender whose deadline is not after its receipt, exact beyond the millisecond', () => {
    const receivedAt = (occurredAt: string): ReceiveTender => ({ ...receive, metadata: metadataAt(occurredAt) });
    spec
      .given([])
      .when(receivedAt('2026-03-10T00:00:00Z'))
      .thenThrows(
        IllegalStateError,
        'tender T-9: its deadline 2026-03-01T09:00:00Z is not after its receipt 2026-03-10T00:00:00Z',
      );
    spec
      .given([])
      .when(receivedAt('2026-03-01T09:00:00Z'))
      .thenThrows(
        IllegalStateError,
        'tender T-9: its deadline 2026-03-01T09:00:00Z is not after its receipt 2026-03-01T09:00:00Z',
      );
    spec
      .given([])
      .when(receivedAt('2026-03-01T09:00:00.0001Z'))
      .thenThrows(IllegalStateError, /is not after its receipt 2026-03-01T09:00:00.0001Z$/);
    spec.given([]).when(receivedAt('2026-03-01T08:59:59.9999Z')).then([received]);
  });

  it('names the deadline as the field that rule is about, so a form shows the refusal on it', () => {
    const late: ReceiveTender = { ...receive, metadata: metadataAt('2026-03-10T00:00:00Z') };
    expect(() => tenderDecider.decide(late, tenderDecider.initialState)).toThrow(
      expect.objectContaining({ code: 'illegal_state', fields: ['deadline'] }),
    );
    // A rule about the tender as a whole names no field.
    expect(() => tenderDecider.decide(receive, tenderDecider.evolve(tenderDecider.initialState, received))).toThrow(
      expect.objectContaining({ code: 'illegal_state', fields: [] }),
    );
  });

  it('validates the payload inside decide too, naming field, value and rule', () => {
    const bad = { ...receive, data: { ...data, deadline: 'next friday' } };
    spec
      .given([])
      .when(bad)
      .thenThrows(ValidationError, /^ReceiveTender: deadline = "next friday": must be an ISO-8601 UTC time/);
  });

  it('validates the metadata: business time and actor', () => {
    const bad = {
      ...receive,
      metadata: { occurredAt: 'yesterday', actor: { id: 'u-1', role: 'intern' } },
    } as unknown as ReceiveTender;
    const error = spec
      .given([])
      .when(bad)
      .thenThrows(ValidationError, /^ReceiveTender metadata: /);
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['actor.role', 'occurredAt']);
  });
});

describe('MakeBidDecision', () => {
  it('needs the tender first', () => {
    spec
      .given([])
      .when(makeBid)
      .thenThrows(NotFoundError, 'tender T-9: not found (BidDecisionMade needs TenderReceived first)');
  });

  it('records a bid or a no_bid decision', () => {
    spec.given([received]).when(makeBid).then([bid]);
    spec.given([received]).when(makeNoBid).then([noBid]);
  });

  it('is made once', () => {
    spec
      .given([received, bid])
      .when(makeNoBid)
      .thenThrows(IllegalStateError, 'tender T-9: BidDecisionMade again: the decision bid was already made');
    spec
      .given([received, noBid])
      .when(makeBid)
      .thenThrows(IllegalStateError, 'tender T-9: BidDecisionMade after a no_bid decision');
  });

  it('may be recorded after the submission, but not as no_bid', () => {
    spec.given([received, submitted]).when(makeBid).then([bid]);
    spec
      .given([received, submitted])
      .when(makeNoBid)
      .thenThrows(
        IllegalStateError,
        'tender T-9: a no_bid decision after the bid was submitted: record BidWithdrawn instead',
      );
  });

  it('scores from 0 to 100', () => {
    const bad = cmd('MakeBidDecision', { tenderId, decision: 'bid', rationale: 'x', score: 101 });
    spec.given([received]).when(bad).thenThrows(ValidationError, 'MakeBidDecision: score = 101: must be from 0 to 100');
  });
});

describe('AssignResponseSection and DraftResponseSection', () => {
  it('assigns and drafts sections, also before any decision is recorded', () => {
    spec.given([received]).when(assign).then([assigned]);
    spec.given([received, bid, assigned]).when(draft).then([drafted]);
  });

  it('lets a section be reassigned and drafted again', () => {
    spec.given([received, assigned, drafted]).when(assign).then([assigned]);
    spec.given([received, assigned, drafted]).when(draft).then([drafted]);
  });

  it('drafts only an assigned section', () => {
    spec
      .given([received])
      .when(draft)
      .thenThrows(
        NotFoundError,
        'tender T-9 response section S-1: not found (ResponseSectionDrafted needs ResponseSectionAssigned first)',
      );
  });

  it('refuses sections after a no_bid decision', () => {
    spec
      .given([received, noBid])
      .when(assign)
      .thenThrows(IllegalStateError, 'tender T-9: ResponseSectionAssigned after a no_bid decision');
    spec
      .given([received, assigned, noBid])
      .when(draft)
      .thenThrows(IllegalStateError, 'tender T-9: ResponseSectionDrafted after a no_bid decision');
  });

  it('freezes the response once submitted', () => {
    spec
      .given([received, submitted])
      .when(assign)
      .thenThrows(IllegalStateError, 'tender T-9: ResponseSectionAssigned after the bid was submitted');
    spec
      .given([received, assigned, submitted])
      .when(draft)
      .thenThrows(IllegalStateError, 'tender T-9: ResponseSectionDrafted after the bid was submitted');
  });

  it('lists each reused asset once', () => {
    const bad = cmd('DraftResponseSection', {
      tenderId,
      sectionId: 'S-1',
      authorId: 'C-1',
      reusedAssetIds: ['A-1', 'A-1'],
    });
    spec
      .given([received, assigned])
      .when(bad)
      .thenThrows(ValidationError, 'DraftResponseSection: reusedAssetIds.1 = "A-1": must not repeat "A-1"');
  });
});

describe('HoldReview', () => {
  it('records a review', () => {
    spec.given([received, bid]).when(holdReview).then([review]);
  });

  it('rejects a review id twice, after a no_bid, and after submission', () => {
    spec
      .given([received, review])
      .when(holdReview)
      .thenThrows(IllegalStateError, 'tender T-9: review R-1 already recorded');
    spec
      .given([received, noBid])
      .when(holdReview)
      .thenThrows(IllegalStateError, 'tender T-9: ReviewHeld after a no_bid decision');
    spec
      .given([received, submitted])
      .when(holdReview)
      .thenThrows(
        IllegalStateError,
        'tender T-9: ReviewHeld after the bid was submitted: reviews come before submission',
      );
  });

  it('needs at least one reviewer', () => {
    const bad = cmd('HoldReview', { tenderId, reviewId: 'R-1', stage: 'final', reviewerIds: [], outcome: 'approved' });
    spec
      .given([received])
      .when(bad)
      .thenThrows(ValidationError, 'HoldReview: reviewerIds = []: must list at least one');
  });
});

describe('SubmitBid', () => {
  it('records the submission', () => {
    spec.given([received, bid, review]).when(submit()).then([submitted]);
  });

  it('refuses a submission after a no_bid decision', () => {
    spec
      .given([received, noBid])
      .when(submit())
      .thenThrows(IllegalStateError, 'tender T-9: BidSubmitted after a no_bid decision');
  });

  it('accepts BidSubmitted at most once: a second one is rejected, not merged', () => {
    spec
      .given([received, submitted])
      .when(submit())
      .thenThrows(IllegalStateError, 'tender T-9: BidSubmitted at most once: the bid was already submitted');
  });

  it('accepts a late submission; late is derived from occurredAt and the deadline', () => {
    const lateAt = '2026-03-01T09:00:01Z';
    spec.given([received, bid]).when(submit(lateAt)).then([submitted]);
    expect(isLateSubmission(data, lateAt)).toBe(true);
  });

  it('counts a submission exactly at the deadline as on time, and a microsecond after as late', () => {
    expect(isLateSubmission(data, '2026-03-01T08:59:59Z')).toBe(false);
    expect(isLateSubmission(data, '2026-03-01T09:00:00Z')).toBe(false);
    expect(isLateSubmission(data, '2026-03-01T09:00:00.000Z')).toBe(false);
    expect(isLateSubmission(data, '2026-03-01T09:00:00.000001Z')).toBe(true);
  });

  it('takes a SHA-256 digest of the submitted document', () => {
    const bad = cmd('SubmitBid', { tenderId, documentSha256: 'abc', channel: 'portal' });
    spec
      .given([received])
      .when(bad)
      .thenThrows(ValidationError, /documentSha256 = "abc": must be a SHA-256 digest/);
  });
});

describe('clarifications', () => {
  it('records a question and its answer', () => {
    spec.given([received, submitted]).when(ask).then([question]);
    spec.given([received, submitted, question]).when(answer).then([answered]);
  });

  it('rejects a repeated question id, an answer to no question, and a second answer', () => {
    spec
      .given([received, question])
      .when(ask)
      .thenThrows(IllegalStateError, 'tender T-9: clarification question Q-1 already requested');
    spec
      .given([received])
      .when(answer)
      .thenThrows(
        NotFoundError,
        'tender T-9 clarification question Q-1: not found (BidClarificationAnswered needs BidClarificationRequested first)',
      );
    spec
      .given([received, question, answered])
      .when(answer)
      .thenThrows(IllegalStateError, 'tender T-9: clarification question Q-1 already answered');
  });
});

describe('WithdrawBid', () => {
  it('withdraws before or after submission', () => {
    spec.given([received, bid]).when(withdraw).then([withdrawn]);
    spec.given([received, submitted]).when(withdraw).then([withdrawn]);
  });

  it('ends the tender', () => {
    spec
      .given([received, withdrawn])
      .when(withdraw)
      .thenThrows(IllegalStateError, 'tender T-9: BidWithdrawn after the bid was withdrawn');
    spec
      .given([received, submitted, withdrawn])
      .when(recordAward)
      .thenThrows(IllegalStateError, 'tender T-9: BidOutcomeRecorded after the bid was withdrawn');
  });
});

describe('RecordBidOutcome', () => {
  it('records an outcome after submission', () => {
    spec.given([received, submitted]).when(recordAward).then([awarded]);
  });

  it('refuses an outcome before submission', () => {
    spec
      .given([received, bid])
      .when(recordAward)
      .thenThrows(
        IllegalStateError,
        'tender T-9: BidOutcomeRecorded before BidSubmitted: an outcome only after submission',
      );
  });

  it('closes the tender', () => {
    spec
      .given([received, submitted, awarded])
      .when(recordAward)
      .thenThrows(IllegalStateError, 'tender T-9: BidOutcomeRecorded after the outcome awarded was recorded');
    spec
      .given([received, submitted, awarded])
      .when(ask)
      .thenThrows(IllegalStateError, /BidClarificationRequested after the outcome awarded/);
  });

  it('names no winner or amount for a cancelled tender', () => {
    const bad = cmd('RecordBidOutcome', { tenderId, outcome: 'cancelled', awardedTo: 'Rival Ltd' });
    spec
      .given([received, submitted])
      .when(bad)
      .thenThrows(
        ValidationError,
        'RecordBidOutcome: awardedTo = "Rival Ltd": must be absent when the outcome is cancelled',
      );
  });
});

describe('tender state', () => {
  it('folds the history into the tender phase', () => {
    expect(foldEvents(tenderDecider, []).status).toBe('none');
    expect(foldEvents(tenderDecider, [received, bid, assigned, drafted, review]).status).toBe('open');
    const state = foldEvents(tenderDecider, [received, bid, assigned, drafted, submitted]);
    expect(state.status === 'submitted' && state.work.sections.get('S-1')).toEqual({ assigneeId: 'C-1', drafts: 1 });
    expect(foldEvents(tenderDecider, [received, noBid]).status).toBe('no_bid');
    expect(foldEvents(tenderDecider, [received, submitted, withdrawn])).toMatchObject({
      status: 'withdrawn',
      wasSubmitted: true,
    });
    expect(foldEvents(tenderDecider, [received, submitted, awarded])).toMatchObject({
      status: 'closed',
      outcome: 'awarded',
    });
  });
});

describe('imported tender events', () => {
  it('are held to the same rules, with the stream id as subject', () => {
    const state = foldEvents(tenderDecider, [received, noBid]);
    expect(() => applyChecked(tenderDecider, state, submitted, tenderId)).toThrow(
      'tender T-9: BidSubmitted after a no_bid decision',
    );
    expect(() => applyChecked(tenderDecider, tenderDecider.initialState, submitted, 'T-7')).toThrow(
      'tender T-7: not found (BidSubmitted needs TenderReceived first)',
    );
  });

  it('are held to the deadline rule at the time the line says the tender was received', () => {
    expect(() =>
      applyChecked(tenderDecider, tenderDecider.initialState, received, tenderId, '2026-03-02T00:00:00Z'),
    ).toThrow('tender T-9: its deadline 2026-03-01T09:00:00Z is not after its receipt 2026-03-02T00:00:00Z');
    expect(
      applyChecked(tenderDecider, tenderDecider.initialState, received, tenderId, '2026-02-28T00:00:00Z').status,
    ).toBe('open');
  });

  it('must name the stream they are imported into', () => {
    expect(() => applyChecked(tenderDecider, tenderDecider.initialState, received, 'T-8')).toThrow(
      'tender T-8: TenderReceived names "T-9", not this stream\'s id',
    );
  });

  it('refuse a command addressed to another tender than the one loaded', () => {
    spec
      .given([received])
      .when(cmd('WithdrawBid', { tenderId: 'T-1', reason: 'x' }))
      .thenThrows(IllegalStateError, 'tender T-9: BidWithdrawn addressed to "T-1"');
  });
});

describe('ReceiveTender parsing', () => {
  it('accepts a well-formed payload', () => {
    expect(parseReceiveTender(data)).toEqual(data);
  });

  it('names each bad field, its value and the rule', () => {
    const error = (() => {
      try {
        parseReceiveTender({ ...data, deadline: 'next friday', kind: 'bid' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['deadline', 'kind']);
    expect((error as ValidationError).message).toMatch(/^ReceiveTender: /);
    expect((error as ValidationError).message).toContain('deadline = "next friday": must be an ISO-8601 UTC time');
  });

  it('rejects ids outside [A-Za-z0-9_-]{1,64} and unknown fields', () => {
    expect(() => parseReceiveTender({ ...data, tenderId: 'T 1' })).toThrow(/tenderId = "T 1": must match/);
    expect(() => parseReceiveTender({ ...data, extra: 1 })).toThrow(ValidationError);
  });
});
