import { evolveTender, initialTenderState, type TenderEvent } from '@presales/domain';
import { describe, expect, it } from 'vitest';
import { jsonState } from './json-state.js';

describe('an aggregate state as JSON', () => {
  it("shows a tender's sections and reviews, held in grow-only collections", () => {
    const events: TenderEvent[] = [
      {
        type: 'TenderReceived',
        data: {
          tenderId: 'T-1',
          opportunityId: 'opp-1',
          issuer: 'Harbour',
          kind: 'rfp',
          deadline: '2026-03-01T09:00:00.000Z',
          requirementsCount: 3,
        },
      },
      { type: 'BidDecisionMade', data: { decision: 'bid', rationale: 'fits', score: 70 } },
      {
        type: 'ResponseSectionAssigned',
        data: { sectionId: 's1', title: 'Security', assigneeId: 'ana', dueAt: '2026-02-20T09:00:00.000Z' },
      },
      { type: 'ReviewHeld', data: { reviewId: 'r1', kind: 'red_team', verdict: 'approved', findings: 0 } },
    ] as TenderEvent[];
    const state = events.reduce(evolveTender, initialTenderState);
    expect(jsonState(state)).toMatchObject({
      status: 'open',
      work: { decision: 'bid', sections: { s1: { assigneeId: 'ana', drafts: 0 } }, reviewIds: ['r1'] },
    });
  });

  it('turns Maps into objects, Sets into lists and bigints into text', () => {
    expect(jsonState({ m: new Map([[1, new Set([2n])]]) })).toEqual({ m: { '1': ['2'] } });
  });
});
