import { randomUUID } from 'node:crypto';
import {
  EVENT_SCHEMAS,
  isDomainEventType,
  quoteTotals,
  type Actor,
  type CurrencyCode,
  type QuoteLine,
} from '@presales/domain';
import type { EventStore, EventToAppend } from '@presales/event-store';

/**
 * A bid's whole record as it would be recorded, for tests and benchmarks of the audit: an
 * opportunity, its tender, a quote naming the tender, a war room, two consultants assigned (one
 * also logging unrelated time), and an unrelated tender and quote that must stay out of it.
 * Each append carries the store time it is recorded at, so a test drives the store's clock.
 */
export interface ScriptedAppend {
  /** recordedAt: set the store's clock to this before appending. */
  readonly recordedAt: string;
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
}

export interface DisputeOptions {
  /** Distinguishes the ids of several disputes in one store: `T-<key>`, `Q-<key>`, … */
  readonly key: string;
  /** When the bid is recorded. Default: the day before the deadline. */
  readonly submissionRecordedAt?: string;
  /** What the submitter claims. Default: the same as recordedAt. */
  readonly submissionOccurredAt?: string;
  /** Record a quote revision after the submission (the offer changed after the fact). */
  readonly reviseQuoteAfterSubmission?: boolean;
}

export const DISPUTE_DEADLINE = '2026-03-15T12:00:00Z';
export const SUBMITTED_DOCUMENT_SHA256 = 'a3f1c2d4e5b60718293a4b5c6d7e8f9001122334455667788990aabbccddeeff';

export interface DisputeIds {
  readonly tenderId: string;
  readonly opportunityId: string;
  readonly quoteId: string;
  readonly warRoomId: string;
  readonly consultantIds: readonly [string, string];
  readonly unrelatedOpportunityId: string;
  readonly unrelatedTenderId: string;
  readonly unrelatedQuoteId: string;
}

export function disputeIds(key: string): DisputeIds {
  return {
    tenderId: `T-${key}`,
    opportunityId: `O-${key}`,
    quoteId: `Q-${key}`,
    warRoomId: `W-${key}`,
    consultantIds: [`C1-${key}`, `C2-${key}`],
    unrelatedOpportunityId: `OX-${key}`,
    unrelatedTenderId: `TX-${key}`,
    unrelatedQuoteId: `QX-${key}`,
  };
}

const SALES: Actor = { id: 'sales-1', role: 'sales' };
const CONSULTANT: Actor = { id: 'consultant-1', role: 'consultant' };
const MANAGER: Actor = { id: 'manager-1', role: 'manager' };

export const DRAFTED_LINES: readonly QuoteLine[] = [
  {
    lineId: 'L1',
    productLine: 'erp',
    sku: 'ERP-CORE',
    description: 'ERP core licences',
    quantity: '10',
    unitPrice: '1000',
    unitCost: '600',
    discountPct: '0',
  },
  {
    lineId: 'L2',
    productLine: 'erp',
    sku: 'ERP-IMPL',
    description: 'Implementation',
    quantity: '1',
    unitPrice: '5000',
    unitCost: '2000',
    discountPct: '10',
  },
];

/** After the submission: L1 cheaper, L2 dropped, L3 added. */
export const REVISED_LINES: readonly QuoteLine[] = [
  { ...DRAFTED_LINES[0]!, unitPrice: '900' },
  {
    lineId: 'L3',
    productLine: 'erp',
    sku: 'ERP-TRAIN',
    description: 'Training',
    quantity: '2',
    unitPrice: '800',
    unitCost: '300',
    discountPct: '0',
  },
];

export function disputeScript(options: DisputeOptions): ScriptedAppend[] {
  const ids = disputeIds(options.key);
  const submittedAt = options.submissionRecordedAt ?? '2026-03-14T16:00:00.000Z';
  const [c1, c2] = ids.consultantIds;
  const appendClaiming = (
    occurredAt: string,
    recordedAt: string,
    streamId: string,
    actor: Actor,
    ...events: [string, Record<string, unknown>][]
  ): ScriptedAppend => ({
    recordedAt,
    streamId,
    events: events.map(([type, data]) => ({
      id: randomUUID(),
      type,
      data,
      metadata: { occurredAt, actor, schemaVersion: isDomainEventType(type) ? EVENT_SCHEMAS[type].schemaVersion : 1 },
    })),
  });
  const append = (recordedAt: string, streamId: string, actor: Actor, ...events: [string, Record<string, unknown>][]) =>
    appendClaiming(recordedAt, recordedAt, streamId, actor, ...events);
  const marginPct = quoteTotals(DRAFTED_LINES, 'CNY' as CurrencyCode).marginPct!;
  const script: ScriptedAppend[] = [
    append('2026-01-05T09:00:00.000Z', `opportunity-${ids.opportunityId}`, SALES, [
      'OpportunityRegistered',
      {
        opportunityId: ids.opportunityId,
        name: `ERP rollout ${options.key}`,
        customer: 'Acme Manufacturing',
        industry: 'manufacturing',
        region: 'east',
        productLines: ['erp'],
        projectType: 'project',
        estimatedValue: { amount: '150000', currency: 'CNY' },
        salesOwnerId: 'sales-1',
      },
    ]),
    ...[c1, c2].map((consultantId, i) =>
      append(`2026-01-06T09:0${i}:00.000Z`, `consultant-${consultantId}`, MANAGER, [
        'ConsultantOnboarded',
        {
          consultantId,
          name: `Consultant ${consultantId}`,
          teamId: 'team-east',
          level: 'senior',
          productLines: ['erp'],
          skills: ['SAP FI'],
          weeklyCapacityHours: 40,
          hourlyCost: { amount: '300', currency: 'CNY' },
        },
      ]),
    ),
    append('2026-01-20T10:00:00.000Z', `opportunity-${ids.unrelatedOpportunityId}`, SALES, [
      'OpportunityRegistered',
      {
        opportunityId: ids.unrelatedOpportunityId,
        name: 'Unrelated deal',
        customer: 'Other Corp',
        industry: 'retail',
        region: 'west',
        productLines: ['crm'],
        projectType: 'product',
        estimatedValue: { amount: '9000', currency: 'CNY' },
        salesOwnerId: 'sales-2',
      },
    ]),
    append('2026-02-01T09:00:00.000Z', `tender-${ids.tenderId}`, SALES, [
      'TenderReceived',
      {
        tenderId: ids.tenderId,
        opportunityId: ids.opportunityId,
        kind: 'rfp',
        issuer: 'Acme Procurement',
        deadline: DISPUTE_DEADLINE,
      },
    ]),
    append('2026-02-01T10:00:00.000Z', `tender-${ids.unrelatedTenderId}`, SALES, [
      'TenderReceived',
      {
        tenderId: ids.unrelatedTenderId,
        opportunityId: ids.unrelatedOpportunityId,
        kind: 'rfq',
        issuer: 'Other Corp',
        deadline: '2026-04-01T12:00:00Z',
      },
    ]),
    append('2026-02-02T09:00:00.000Z', `opportunity-${ids.opportunityId}`, SALES, [
      'OpportunityStageChanged',
      { from: 'lead', to: 'bid' },
    ]),
    append('2026-02-02T10:00:00.000Z', `consultant-${c1}`, MANAGER, [
      'ConsultantAssigned',
      {
        assignmentId: `A1-${options.key}`,
        opportunityId: ids.opportunityId,
        role: 'lead',
        allocationPct: 50,
        from: '2026-02-02',
        to: '2026-03-31',
      },
    ]),
    append('2026-02-03T10:00:00.000Z', `consultant-${c1}`, CONSULTANT, [
      'TimeLogged',
      { entryId: `E1-${options.key}`, date: '2026-02-03', hours: 3, category: 'internal' },
    ]),
    append('2026-02-03T11:00:00.000Z', `consultant-${c2}`, MANAGER, [
      'ConsultantAssigned',
      {
        assignmentId: `A2-${options.key}`,
        opportunityId: ids.opportunityId,
        role: 'support',
        allocationPct: 30,
        from: '2026-02-03',
        to: '2026-03-31',
      },
    ]),
    append('2026-02-04T09:00:00.000Z', `warroom-${ids.warRoomId}`, MANAGER, [
      'WarRoomOpened',
      {
        warRoomId: ids.warRoomId,
        opportunityId: ids.opportunityId,
        tenderId: ids.tenderId,
        commanderId: c1,
        memberIds: [c2],
        allocationPct: 50,
        reason: 'strategic bid',
      },
    ]),
    append('2026-02-05T09:00:00.000Z', `tender-${ids.tenderId}`, MANAGER, [
      'BidDecisionMade',
      { decision: 'bid', rationale: 'strong fit, reference customer', score: 78 },
    ]),
    append('2026-02-10T09:00:00.000Z', `tender-${ids.tenderId}`, MANAGER, [
      'ResponseSectionAssigned',
      { sectionId: 'S1', title: 'Technical solution', assigneeId: c2, dueAt: '2026-03-01T12:00:00Z' },
    ]),
    append('2026-02-20T09:00:00.000Z', `tender-${ids.tenderId}`, CONSULTANT, [
      'ResponseSectionDrafted',
      { sectionId: 'S1', authorId: c2, reusedAssetIds: [] },
    ]),
    append('2026-03-01T09:00:00.000Z', `quote-${ids.quoteId}`, SALES, [
      'QuoteDrafted',
      {
        quoteId: ids.quoteId,
        opportunityId: ids.opportunityId,
        tenderId: ids.tenderId,
        currency: 'CNY',
        lines: DRAFTED_LINES,
      },
    ]),
    append('2026-03-01T10:00:00.000Z', `quote-${ids.unrelatedQuoteId}`, SALES, [
      'QuoteDrafted',
      {
        quoteId: ids.unrelatedQuoteId,
        opportunityId: ids.unrelatedOpportunityId,
        currency: 'CNY',
        lines: DRAFTED_LINES,
      },
    ]),
    append('2026-03-02T09:00:00.000Z', `quote-${ids.quoteId}`, SALES, [
      'QuoteApprovalRequested',
      { revision: 0, marginPct },
    ]),
    append('2026-03-02T15:00:00.000Z', `quote-${ids.quoteId}`, MANAGER, [
      'QuoteApproved',
      { revision: 0, approverId: 'manager-1', marginPct },
    ]),
    append('2026-03-03T09:00:00.000Z', `quote-${ids.quoteId}`, SALES, ['QuoteSentToCustomer', { revision: 0 }]),
    append('2026-03-10T09:00:00.000Z', `tender-${ids.tenderId}`, MANAGER, [
      'ReviewHeld',
      { reviewId: 'R1', stage: 'final', reviewerIds: ['manager-1'], outcome: 'approved' },
    ]),
    appendClaiming(options.submissionOccurredAt ?? submittedAt, submittedAt, `tender-${ids.tenderId}`, SALES, [
      'BidSubmitted',
      { documentSha256: SUBMITTED_DOCUMENT_SHA256, channel: 'portal', receiptRef: `PORTAL-${options.key}` },
    ]),
  ];
  if (options.reviseQuoteAfterSubmission === true) {
    script.push(
      append('2026-03-20T09:00:00.000Z', `quote-${ids.quoteId}`, SALES, [
        'QuoteRevised',
        { revision: 1, lines: REVISED_LINES, reason: 'customer asked for a lower price' },
      ]),
    );
  }
  return script.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
}

/** Appends a script in order, setting the store's clock to each append's recordedAt first. */
export async function playScript(
  store: Pick<EventStore, 'appendToStream'>,
  setClock: (now: Date) => void,
  script: readonly ScriptedAppend[],
): Promise<void> {
  for (const step of script) {
    setClock(new Date(step.recordedAt));
    await store.appendToStream(step.streamId, step.events, { expectedRevision: 'any' });
  }
}
