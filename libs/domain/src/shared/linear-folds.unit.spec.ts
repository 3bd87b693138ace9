import { afterEach, describe, expect, it, vi } from 'vitest';
import { consultantDecider } from '../consultant/consultant.decider.js';
import type { ConsultantEvent } from '../consultant/consultant.events.js';
import { opportunityDecider } from '../opportunity/opportunity.decider.js';
import type { OpportunityEvent } from '../opportunity/opportunity.events.js';
import { tenderDecider } from '../tender/tender.decider.js';
import type { TenderEvent } from '../tender/tender.events.js';
import { foldEvents } from './decider.js';

/**
 * Folding a stream must cost O(events), not O(events × entries): a state that copied its Maps and
 * Sets per event calls Map.prototype.set / Set.prototype.add once per entry already held (the
 * constructors add through them), about N²/2 times over N events. Counted, not timed.
 */
const N = 2_000;

function collectionWrites(fold: () => unknown): number {
  const sets = vi.spyOn(Map.prototype, 'set');
  const adds = vi.spyOn(Set.prototype, 'add');
  fold();
  return sets.mock.calls.length + adds.mock.calls.length;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const many = <E>(make: (i: number) => E): E[] => Array.from({ length: N }, (_, i) => make(i));

describe('folding a long stream is linear in its events', () => {
  it('consultant: time entries and hours per day', () => {
    const onboarded: ConsultantEvent = {
      type: 'ConsultantOnboarded',
      data: {
        consultantId: 'C-1',
        name: 'Li Wei',
        teamId: 'T',
        level: 'senior',
        productLines: ['erp'],
        skills: [],
        weeklyCapacityHours: 40,
        hourlyCost: { amount: '450', currency: 'CNY' },
      },
    };
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const events = [
      onboarded,
      ...many<ConsultantEvent>((i) => ({
        type: 'TimeLogged',
        data: { entryId: `E-${i}`, date: day(i), hours: 1, category: 'solution' },
      })),
    ];
    let state = consultantDecider.initialState;
    expect(collectionWrites(() => (state = foldEvents(consultantDecider, events)))).toBeLessThan(10 * N);
    expect(state.status === 'active' && [state.timeEntryIds.size, state.hoursByDate.size]).toEqual([N, N]);
  });

  it('tender: sections and clarification questions', () => {
    const received: TenderEvent = {
      type: 'TenderReceived',
      data: { tenderId: 'T-1', opportunityId: 'O-1', kind: 'rfp', issuer: 'City', deadline: '2026-03-01T09:00:00Z' },
    };
    const events = [
      received,
      ...many<TenderEvent>((i) => ({
        type: 'ResponseSectionAssigned',
        data: { sectionId: `S-${i}`, title: 'Part', assigneeId: 'C-1', dueAt: '2026-02-20T09:00:00Z' },
      })),
      ...many<TenderEvent>((i) => ({
        type: 'BidClarificationRequested',
        data: { questionId: `Q-${i}`, question: 'Why?', dueAt: '2026-03-05T09:00:00Z' },
      })),
    ];
    let state = tenderDecider.initialState;
    expect(collectionWrites(() => (state = foldEvents(tenderDecider, events)))).toBeLessThan(10 * N);
    expect(state.status === 'open' && [state.work.sections.size, state.work.questions.size]).toEqual([N, N]);
  });

  it('opportunity: support requests and requirements', () => {
    const registered: OpportunityEvent = {
      type: 'OpportunityRegistered',
      data: {
        opportunityId: 'O-1',
        name: 'ERP',
        customer: 'Grid',
        industry: 'utilities',
        region: 'East',
        productLines: ['erp'],
        projectType: 'strategic',
        estimatedValue: { amount: '1', currency: 'CNY' },
        salesOwnerId: 'S-1',
      },
    };
    const events = [
      registered,
      ...many<OpportunityEvent>((i) => ({
        type: 'RequirementCaptured',
        data: { requirementId: `REQ-${i}`, title: 'SSO', category: 'non_functional', priority: 'must', source: 'rfp' },
      })),
      ...many<OpportunityEvent>((i) => ({
        type: 'PresalesSupportRequested',
        data: {
          requestId: `R-${i}`,
          requestedBy: 'S-1',
          kind: 'demo',
          productLine: 'erp',
          dueAt: '2026-02-10T09:00:00Z',
        },
      })),
    ];
    let state = opportunityDecider.initialState;
    expect(collectionWrites(() => (state = foldEvents(opportunityDecider, events)))).toBeLessThan(10 * N);
    expect(state.status === 'open' && [state.requirements.size, state.requests.size]).toEqual([N, N]);
  });

  it('leaves every earlier state as it was (import rollback and decide rely on it)', () => {
    const received: TenderEvent = {
      type: 'TenderReceived',
      data: { tenderId: 'T-1', opportunityId: 'O-1', kind: 'rfp', issuer: 'City', deadline: '2026-03-01T09:00:00Z' },
    };
    const section = (id: string): TenderEvent => ({
      type: 'ResponseSectionAssigned',
      data: { sectionId: id, title: 'Part', assigneeId: 'C-1', dueAt: '2026-02-20T09:00:00Z' },
    });
    const before = foldEvents(tenderDecider, [received, section('S-1')]);
    const after = tenderDecider.evolve(tenderDecider.evolve(before, section('S-2')), {
      type: 'ResponseSectionDrafted',
      data: { sectionId: 'S-1', authorId: 'C-1', reusedAssetIds: [] },
    });
    const otherTender = foldEvents(tenderDecider, [received, section('S-9')]);
    expect(before.status === 'open' && [...before.work.sections]).toEqual([['S-1', { assigneeId: 'C-1', drafts: 0 }]]);
    expect(after.status === 'open' && [...after.work.sections.keys()]).toEqual(['S-1', 'S-2']);
    expect(after.status === 'open' && after.work.sections.get('S-1')?.drafts).toBe(1);
    expect(otherTender.status === 'open' && [...otherTender.work.sections.keys()]).toEqual(['S-9']);
  });
});
