import { z } from 'zod';
import type { Event } from '../shared/message.js';
import { EntityId, IsoUtcTime, NonEmptyText } from '../shared/primitives.js';

export const TENDER_KINDS = ['rfi', 'rfp', 'rfq', 'tender'] as const;
export type TenderKind = (typeof TENDER_KINDS)[number];

export const TenderReceivedData = z.strictObject({
  tenderId: EntityId,
  opportunityId: EntityId,
  kind: z.enum(TENDER_KINDS),
  issuer: NonEmptyText,
  deadline: IsoUtcTime,
});

export type TenderReceived = Event<'TenderReceived', z.output<typeof TenderReceivedData>>;

export type TenderEvent = TenderReceived;

/** Payload schema and current schema version of every tender event. */
export const TENDER_EVENT_SCHEMAS = {
  TenderReceived: { schema: TenderReceivedData, schemaVersion: 1 },
} as const;
