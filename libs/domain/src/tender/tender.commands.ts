import type { z } from 'zod';
import { checkedEvents } from '../shared/aggregate.js';
import { metaOf, parseCommandData, validateCommand, type ValidCommandUnion, without } from '../shared/command.js';
import { assertNever, type Command } from '../shared/message.js';
import { EntityId } from '../shared/primitives.js';
import {
  BidClarificationAnsweredData,
  BidClarificationRequestedData,
  BidDecisionMadeData,
  BidOutcomeRecordedData,
  BidSubmittedData,
  BidWithdrawnData,
  ResponseSectionAssignedData,
  ResponseSectionDraftedData,
  ReviewHeldData,
  TenderReceivedData,
  type TenderEvent,
} from './tender.events.js';
import { checkTenderEvent } from './tender.rules.js';
import { evolveTender, type TenderState } from './tender.state.js';

// Each command carries the tenderId it is addressed to; its event is the payload without it.
const toTender = { tenderId: EntityId };

export const ReceiveTenderData = TenderReceivedData;
export const MakeBidDecisionData = BidDecisionMadeData.safeExtend(toTender).meta(metaOf(BidDecisionMadeData));
export const AssignResponseSectionData = ResponseSectionAssignedData.safeExtend(toTender).meta(
  metaOf(ResponseSectionAssignedData),
);
export const DraftResponseSectionData = ResponseSectionDraftedData.safeExtend(toTender).meta(
  metaOf(ResponseSectionDraftedData),
);
export const HoldReviewData = ReviewHeldData.safeExtend(toTender).meta(metaOf(ReviewHeldData));
export const SubmitBidData = BidSubmittedData.safeExtend(toTender).meta(metaOf(BidSubmittedData));
export const RequestBidClarificationData = BidClarificationRequestedData.safeExtend(toTender).meta(
  metaOf(BidClarificationRequestedData),
);
export const AnswerBidClarificationData = BidClarificationAnsweredData.safeExtend(toTender).meta(
  metaOf(BidClarificationAnsweredData),
);
export const WithdrawBidData = BidWithdrawnData.safeExtend(toTender).meta(metaOf(BidWithdrawnData));
export const RecordBidOutcomeData = BidOutcomeRecordedData.safeExtend(toTender).meta(metaOf(BidOutcomeRecordedData));

export const TENDER_COMMAND_SCHEMAS = {
  ReceiveTender: ReceiveTenderData,
  MakeBidDecision: MakeBidDecisionData,
  AssignResponseSection: AssignResponseSectionData,
  DraftResponseSection: DraftResponseSectionData,
  HoldReview: HoldReviewData,
  SubmitBid: SubmitBidData,
  RequestBidClarification: RequestBidClarificationData,
  AnswerBidClarification: AnswerBidClarificationData,
  WithdrawBid: WithdrawBidData,
  RecordBidOutcome: RecordBidOutcomeData,
} as const;

export type ReceiveTender = Command<'ReceiveTender', z.input<typeof ReceiveTenderData>>;
export type MakeBidDecision = Command<'MakeBidDecision', z.input<typeof MakeBidDecisionData>>;
export type AssignResponseSection = Command<'AssignResponseSection', z.input<typeof AssignResponseSectionData>>;
export type DraftResponseSection = Command<'DraftResponseSection', z.input<typeof DraftResponseSectionData>>;
export type HoldReview = Command<'HoldReview', z.input<typeof HoldReviewData>>;
export type SubmitBid = Command<'SubmitBid', z.input<typeof SubmitBidData>>;
export type RequestBidClarification = Command<'RequestBidClarification', z.input<typeof RequestBidClarificationData>>;
export type AnswerBidClarification = Command<'AnswerBidClarification', z.input<typeof AnswerBidClarificationData>>;
export type WithdrawBid = Command<'WithdrawBid', z.input<typeof WithdrawBidData>>;
export type RecordBidOutcome = Command<'RecordBidOutcome', z.input<typeof RecordBidOutcomeData>>;

export type TenderCommand =
  | ReceiveTender
  | MakeBidDecision
  | AssignResponseSection
  | DraftResponseSection
  | HoldReview
  | SubmitBid
  | RequestBidClarification
  | AnswerBidClarification
  | WithdrawBid
  | RecordBidOutcome;

type ValidTenderCommand = ValidCommandUnion<typeof TENDER_COMMAND_SCHEMAS>;

/** Validate untrusted input into a ReceiveTender command's data, or throw a ValidationError. */
export function parseReceiveTender(input: unknown): z.output<typeof ReceiveTenderData> {
  return parseCommandData(TENDER_COMMAND_SCHEMAS, 'ReceiveTender', input);
}

export function decideTender(command: TenderCommand, state: TenderState): readonly TenderEvent[] {
  const valid = validateCommand(TENDER_COMMAND_SCHEMAS, command);
  return checkedEvents(checkTenderEvent, evolveTender, state, valid.data.tenderId, valid.metadata.occurredAt, [
    tenderEventFor(valid),
  ]);
}

function tenderEventFor(command: ValidTenderCommand): TenderEvent {
  switch (command.type) {
    case 'ReceiveTender':
      return { type: 'TenderReceived', data: command.data };
    case 'MakeBidDecision':
      return { type: 'BidDecisionMade', data: without(command.data, 'tenderId') };
    case 'AssignResponseSection':
      return { type: 'ResponseSectionAssigned', data: without(command.data, 'tenderId') };
    case 'DraftResponseSection':
      return { type: 'ResponseSectionDrafted', data: without(command.data, 'tenderId') };
    case 'HoldReview':
      return { type: 'ReviewHeld', data: without(command.data, 'tenderId') };
    case 'SubmitBid':
      return { type: 'BidSubmitted', data: without(command.data, 'tenderId') };
    case 'RequestBidClarification':
      return { type: 'BidClarificationRequested', data: without(command.data, 'tenderId') };
    case 'AnswerBidClarification':
      return { type: 'BidClarificationAnswered', data: without(command.data, 'tenderId') };
    case 'WithdrawBid':
      return { type: 'BidWithdrawn', data: without(command.data, 'tenderId') };
    case 'RecordBidOutcome':
      return { type: 'BidOutcomeRecorded', data: without(command.data, 'tenderId') };
    default:
      return assertNever(command, 'tender command');
  }
}
