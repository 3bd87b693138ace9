import { z } from 'zod';
import type { Event } from '../shared/message.js';
import {
  EntityId,
  IntegerBetween,
  IsoUtcTime,
  LongText,
  MoneySchema,
  NonEmptyText,
  UniqueList,
  Version,
} from '../shared/primitives.js';

export const TENDER_KINDS = ['rfi', 'rfp', 'rfq', 'tender'] as const;
export type TenderKind = (typeof TENDER_KINDS)[number];
export const BID_DECISIONS = ['bid', 'no_bid'] as const;
export const REVIEW_STAGES = ['solution', 'commercial', 'legal', 'final'] as const;
export const REVIEW_OUTCOMES = ['approved', 'rework', 'rejected'] as const;
export const SUBMISSION_CHANNELS = ['portal', 'email', 'physical'] as const;
export const BID_OUTCOMES = ['awarded', 'not_awarded', 'cancelled'] as const;
export type BidOutcome = (typeof BID_OUTCOMES)[number];

export const TenderReceivedData = z.strictObject({
  tenderId: EntityId,
  opportunityId: EntityId,
  kind: z.enum(TENDER_KINDS),
  issuer: NonEmptyText,
  deadline: IsoUtcTime,
});

export const BidDecisionMadeData = z.strictObject({
  decision: z.enum(BID_DECISIONS),
  rationale: NonEmptyText,
  score: IntegerBetween(0, 100),
});

export const ResponseSectionAssignedData = z.strictObject({
  sectionId: EntityId,
  title: NonEmptyText,
  assigneeId: EntityId,
  dueAt: IsoUtcTime,
});

export const ResponseSectionDraftedData = z.strictObject({
  sectionId: EntityId,
  authorId: EntityId,
  reusedAssetIds: UniqueList(EntityId),
});

export const ReviewHeldData = z.strictObject({
  reviewId: EntityId,
  stage: z.enum(REVIEW_STAGES),
  reviewerIds: UniqueList(EntityId, { min: 1 }),
  outcome: z.enum(REVIEW_OUTCOMES),
  /** The ProcessStandardPublished version of the bid checklist the review followed. */
  checklistVersion: Version.optional(),
  findings: LongText.optional(),
});

export const BidSubmittedData = z.strictObject({
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest: 64 lowercase hex digits'),
  channel: z.enum(SUBMISSION_CHANNELS),
  receiptRef: NonEmptyText.optional(),
});

export const BidClarificationRequestedData = z.strictObject({
  questionId: EntityId,
  question: LongText,
  dueAt: IsoUtcTime,
});

export const BidClarificationAnsweredData = z.strictObject({
  questionId: EntityId,
});

export const BidWithdrawnData = z.strictObject({
  reason: NonEmptyText,
});

export const BidOutcomeRecordedData = z
  .strictObject({
    outcome: z.enum(BID_OUTCOMES),
    /** Who won, when it was not us. */
    awardedTo: NonEmptyText.optional(),
    /** The awarded price: ours when awarded, the winner's when known otherwise. */
    awardedAmount: MoneySchema.optional(),
  })
  .superRefine((data, ctx) => {
    if (data.outcome !== 'cancelled') return;
    for (const field of ['awardedTo', 'awardedAmount'] as const) {
      if (data[field] !== undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'must be absent when the outcome is cancelled' });
    }
  })
  .meta({
    description: 'A cancelled tender names no `awardedTo` and no `awardedAmount`.',
    // The refinement above, as the published contract states it.
    anyOf: [
      { properties: { outcome: { enum: BID_OUTCOMES.filter((outcome) => outcome !== 'cancelled') } } },
      { properties: { outcome: { const: 'cancelled' }, awardedTo: false, awardedAmount: false } },
    ],
  });

export type TenderReceived = Event<'TenderReceived', z.output<typeof TenderReceivedData>>;
export type BidDecisionMade = Event<'BidDecisionMade', z.output<typeof BidDecisionMadeData>>;
export type ResponseSectionAssigned = Event<'ResponseSectionAssigned', z.output<typeof ResponseSectionAssignedData>>;
export type ResponseSectionDrafted = Event<'ResponseSectionDrafted', z.output<typeof ResponseSectionDraftedData>>;
export type ReviewHeld = Event<'ReviewHeld', z.output<typeof ReviewHeldData>>;
export type BidSubmitted = Event<'BidSubmitted', z.output<typeof BidSubmittedData>>;
export type BidClarificationRequested = Event<
  'BidClarificationRequested',
  z.output<typeof BidClarificationRequestedData>
>;
export type BidClarificationAnswered = Event<'BidClarificationAnswered', z.output<typeof BidClarificationAnsweredData>>;
export type BidWithdrawn = Event<'BidWithdrawn', z.output<typeof BidWithdrawnData>>;
export type BidOutcomeRecorded = Event<'BidOutcomeRecorded', z.output<typeof BidOutcomeRecordedData>>;

export type TenderEvent =
  | TenderReceived
  | BidDecisionMade
  | ResponseSectionAssigned
  | ResponseSectionDrafted
  | ReviewHeld
  | BidSubmitted
  | BidClarificationRequested
  | BidClarificationAnswered
  | BidWithdrawn
  | BidOutcomeRecorded;

/** Payload schema and current schema version of every tender event. */
export const TENDER_EVENT_SCHEMAS = {
  TenderReceived: { schema: TenderReceivedData, schemaVersion: 1 },
  BidDecisionMade: { schema: BidDecisionMadeData, schemaVersion: 1 },
  ResponseSectionAssigned: { schema: ResponseSectionAssignedData, schemaVersion: 1 },
  ResponseSectionDrafted: { schema: ResponseSectionDraftedData, schemaVersion: 1 },
  ReviewHeld: { schema: ReviewHeldData, schemaVersion: 1 },
  BidSubmitted: { schema: BidSubmittedData, schemaVersion: 1 },
  BidClarificationRequested: { schema: BidClarificationRequestedData, schemaVersion: 1 },
  BidClarificationAnswered: { schema: BidClarificationAnsweredData, schemaVersion: 1 },
  BidWithdrawn: { schema: BidWithdrawnData, schemaVersion: 1 },
  BidOutcomeRecorded: { schema: BidOutcomeRecordedData, schemaVersion: 1 },
} as const satisfies { [T in TenderEvent['type']]: { schema: z.ZodType; schemaVersion: number } };
