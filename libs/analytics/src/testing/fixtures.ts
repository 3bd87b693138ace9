import { parseStreamEvent } from '@presales/domain';
import type { RecordedEvent } from '@presales/event-store';
import type { ProjectionContext } from '../projection/fact-columns.js';

/** For batches that copy nothing from earlier in the log. */
export const NO_CONTEXT: ProjectionContext = { earlier: () => undefined };

/**
 * An event a test hands to the projector, checked by the domain's own parser first (stream
 * category, type, payload): a fixture the platform would never record must not pass a test that
 * the real history then fails. Throws the domain's ValidationError naming the field.
 */
export function honest(event: RecordedEvent): RecordedEvent {
  parseStreamEvent(
    event.streamId,
    event.type,
    event.data,
    `test fixture ${event.streamId}@${event.revision}`,
    event.metadata.schemaVersion,
  );
  return event;
}

/** A TenderReceived as the store would hand it to the projector. */
export function recordedTender(
  position: bigint,
  tenderId: string,
  occurredAt: string,
  recordedAt: string,
): RecordedEvent {
  return honest({
    id: `evt-${tenderId}`,
    type: 'TenderReceived',
    streamId: `tender-${tenderId}`,
    revision: 0n,
    position,
    data: {
      tenderId,
      opportunityId: 'O-1',
      kind: 'rfp',
      issuer: `Issuer of ${tenderId} 'quoted' 华为`,
      deadline: '2026-02-01T09:00:00Z',
    },
    metadata: {
      occurredAt,
      recordedAt,
      actor: { id: 'u-1', role: 'consultant' },
      schemaVersion: 1,
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    },
  });
}

/**
 * Streams whose later events copy fields from earlier ones (decision 0016): an activity scheduled
 * then completed, a tender received then submitted, an opportunity registered, asked for support
 * twice (acknowledged out of order) and lost, a consultant assigned twice and released from
 * the first assignment. Positions from `first`, a day apart.
 */
export function copyingHistory(first = 1n): RecordedEvent[] {
  const events: [string, string, Record<string, unknown>][] = [
    [
      'opportunity-O-9',
      'OpportunityRegistered',
      {
        opportunityId: 'O-9',
        name: 'Core banking',
        customer: 'Bank',
        industry: 'finance',
        region: 'east',
        productLines: ['erp'],
        projectType: 'project',
        estimatedValue: { amount: '1200000.50', currency: 'USD' },
        salesOwnerId: 'S-1',
      },
    ],
    [
      'activity-A-9',
      'ActivityScheduled',
      {
        activityId: 'A-9',
        opportunityId: 'O-9',
        kind: 'demo',
        consultantIds: ['C-1'],
        scheduledFor: '2026-01-05T09:00:00Z',
        plannedHours: 4,
      },
    ],
    [
      'opportunity-O-9',
      'PresalesSupportRequested',
      { requestId: 'R-1', requestedBy: 'S-1', kind: 'poc', productLine: 'erp', dueAt: '2026-01-10T00:00:00Z' },
    ],
    [
      'tender-T-9',
      'TenderReceived',
      { tenderId: 'T-9', opportunityId: 'O-9', kind: 'rfp', issuer: 'Bank', deadline: '2026-01-20T12:00:00Z' },
    ],
    [
      'opportunity-O-9',
      'PresalesSupportRequested',
      { requestId: 'R-2', requestedBy: 'S-1', kind: 'rfp', productLine: 'crm', dueAt: '2026-01-12T00:00:00Z' },
    ],
    ['opportunity-O-9', 'PresalesSupportAcknowledged', { requestId: 'R-2', consultantId: 'C-1' }],
    ['opportunity-O-9', 'PresalesSupportAcknowledged', { requestId: 'R-1', consultantId: 'C-2' }],
    [
      'activity-A-9',
      'ActivityCompleted',
      { actualHours: 5, outcome: 'positive', customerSatisfaction: 4, usedAssetIds: [] },
    ],
    ['tender-T-9', 'BidSubmitted', { documentSha256: 'a'.repeat(64), channel: 'portal', receiptRef: 'RC-1' }],
    ['opportunity-O-9', 'OpportunityLost', { reason: 'price', competitor: 'X', productGapIds: [] }],
    [
      'consultant-C-9',
      'ConsultantAssigned',
      {
        assignmentId: 'AS-1',
        opportunityId: 'O-9',
        role: 'lead',
        allocationPct: 60,
        from: '2026-01-02',
        to: '2026-03-31',
      },
    ],
    [
      'consultant-C-9',
      'ConsultantAssigned',
      {
        assignmentId: 'AS-2',
        opportunityId: 'O-8',
        role: 'support',
        allocationPct: 30,
        from: '2026-01-05',
        to: '2026-02-28',
      },
    ],
    ['consultant-C-9', 'ConsultantReleased', { assignmentId: 'AS-1' }],
  ];
  return recordedHistory(
    first,
    events.map(([streamId, type, data], i) => [
      streamId,
      type,
      new Date(Date.parse('2026-01-01T00:00:00Z') + i * 86_400_000).toISOString(),
      data,
    ]),
  );
}

/** One event of a hand-written history: its stream, type, business time and payload. */
export type HistoryEntry = readonly [streamId: string, type: string, occurredAt: string, data: Record<string, unknown>];

/**
 * A hand-written history as the store would hand it to the projector: positions from `first`,
 * revisions from 0 in each stream, each event recorded at `recordedAt` (default: when it occurred).
 */
export function recordedHistory(first: bigint, entries: readonly HistoryEntry[], recordedAt?: string): RecordedEvent[] {
  const revisions = new Map<string, bigint>();
  return entries.map(([streamId, type, occurredAt, data], i) => {
    const revision = revisions.get(streamId) ?? 0n;
    revisions.set(streamId, revision + 1n);
    const position = first + BigInt(i);
    const metadata = {
      occurredAt,
      recordedAt: recordedAt ?? occurredAt,
      actor: { id: 'u-1', role: 'manager' as const },
      schemaVersion: 1,
      prevHash: '0'.repeat(64),
      hash: 'e'.repeat(64),
    };
    return honest({ id: `evt-${position}`, type, streamId, revision, position, data, metadata });
  });
}

/** A quote line as QuoteDrafted's schemaVersion 1 records it (no discount: an upcast adds one). */
export const QUOTE_LINE = {
  lineId: 'L1',
  productLine: 'erp',
  sku: 'SKU-1',
  description: 'Licence',
  quantity: '1',
  unitPrice: '100',
  unitCost: '60',
} as const;

/** QuoteDrafted as the projector receives it: upcast to schemaVersion 2, its lines with their discount. */
export function upcastQuoteDrafted(event: RecordedEvent): RecordedEvent {
  return event.type !== 'QuoteDrafted'
    ? event
    : {
        ...event,
        data: { ...event.data, lines: [{ ...QUOTE_LINE, discountPct: '0' }] },
        metadata: { ...event.metadata, schemaVersion: 2 },
      };
}
