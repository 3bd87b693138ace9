import { z } from 'zod';
import { checkedEvents } from '../shared/aggregate.js';
import { metaOf, validateCommand, type ValidCommandUnion, without } from '../shared/command.js';
import { assertNever, type Command } from '../shared/message.js';
import { EntityId, NonEmptyText } from '../shared/primitives.js';
import {
  QuoteAcceptedData,
  QuoteApprovalRejectedData,
  QuoteDeclinedData,
  QuoteDraftedData,
  QuoteRevisionNumber,
  QuoteSentToCustomerData,
  type QuoteEvent,
} from './quote.events.js';
import { QuoteLines } from './quote.line.js';
import { revisionOf } from './quote.revision.js';
import { assertOpenQuote, checkQuoteEvent, derivedMarginPct } from './quote.rules.js';
import { evolveQuote, nextQuoteRevision, type QuoteState } from './quote.state.js';

const toQuote = { quoteId: EntityId };

export const DraftQuoteData = QuoteDraftedData;
/** The revision number is the next one: decide fills it in. */
export const ReviseQuoteData = z.strictObject({ ...toQuote, lines: QuoteLines, reason: NonEmptyText });
/** marginPct is derived from the revision's lines: decide fills it in. */
export const RequestQuoteApprovalData = z.strictObject({ ...toQuote, revision: QuoteRevisionNumber });
export const ApproveQuoteData = z.strictObject({ ...toQuote, revision: QuoteRevisionNumber, approverId: EntityId });
export const RejectQuoteApprovalData = QuoteApprovalRejectedData.safeExtend(toQuote).meta(
  metaOf(QuoteApprovalRejectedData),
);
export const SendQuoteToCustomerData = QuoteSentToCustomerData.safeExtend(toQuote).meta(
  metaOf(QuoteSentToCustomerData),
);
export const AcceptQuoteData = QuoteAcceptedData.safeExtend(toQuote).meta(metaOf(QuoteAcceptedData));
export const DeclineQuoteData = QuoteDeclinedData.safeExtend(toQuote).meta(metaOf(QuoteDeclinedData));

export const QUOTE_COMMAND_SCHEMAS = {
  DraftQuote: DraftQuoteData,
  ReviseQuote: ReviseQuoteData,
  RequestQuoteApproval: RequestQuoteApprovalData,
  ApproveQuote: ApproveQuoteData,
  RejectQuoteApproval: RejectQuoteApprovalData,
  SendQuoteToCustomer: SendQuoteToCustomerData,
  AcceptQuote: AcceptQuoteData,
  DeclineQuote: DeclineQuoteData,
} as const;

export type DraftQuote = Command<'DraftQuote', z.input<typeof DraftQuoteData>>;
export type ReviseQuote = Command<'ReviseQuote', z.input<typeof ReviseQuoteData>>;
export type RequestQuoteApproval = Command<'RequestQuoteApproval', z.input<typeof RequestQuoteApprovalData>>;
export type ApproveQuote = Command<'ApproveQuote', z.input<typeof ApproveQuoteData>>;
export type RejectQuoteApproval = Command<'RejectQuoteApproval', z.input<typeof RejectQuoteApprovalData>>;
export type SendQuoteToCustomer = Command<'SendQuoteToCustomer', z.input<typeof SendQuoteToCustomerData>>;
export type AcceptQuote = Command<'AcceptQuote', z.input<typeof AcceptQuoteData>>;
export type DeclineQuote = Command<'DeclineQuote', z.input<typeof DeclineQuoteData>>;

export type QuoteCommand =
  | DraftQuote
  | ReviseQuote
  | RequestQuoteApproval
  | ApproveQuote
  | RejectQuoteApproval
  | SendQuoteToCustomer
  | AcceptQuote
  | DeclineQuote;

type ValidQuoteCommand = ValidCommandUnion<typeof QUOTE_COMMAND_SCHEMAS>;

export function decideQuote(command: QuoteCommand, state: QuoteState): readonly QuoteEvent[] {
  const valid = validateCommand(QUOTE_COMMAND_SCHEMAS, command);
  return checkedEvents(checkQuoteEvent, evolveQuote, state, valid.data.quoteId, valid.metadata.occurredAt, [
    quoteEventFor(valid, state),
  ]);
}

function quoteEventFor(command: ValidQuoteCommand, state: QuoteState): QuoteEvent {
  switch (command.type) {
    case 'DraftQuote':
      return { type: 'QuoteDrafted', data: command.data };
    case 'ReviseQuote':
      return {
        type: 'QuoteRevised',
        data: { revision: nextQuoteRevision(state), lines: command.data.lines, reason: command.data.reason },
      };
    case 'RequestQuoteApproval': {
      const { revision, quoteId } = command.data;
      return {
        type: 'QuoteApprovalRequested',
        data: { revision, marginPct: marginOf(state, revision, quoteId, 'QuoteApprovalRequested') },
      };
    }
    case 'ApproveQuote': {
      const { revision, quoteId, approverId } = command.data;
      return {
        type: 'QuoteApproved',
        data: { revision, approverId, marginPct: marginOf(state, revision, quoteId, 'QuoteApproved') },
      };
    }
    case 'RejectQuoteApproval':
      return { type: 'QuoteApprovalRejected', data: without(command.data, 'quoteId') };
    case 'SendQuoteToCustomer':
      return { type: 'QuoteSentToCustomer', data: without(command.data, 'quoteId') };
    case 'AcceptQuote':
      return { type: 'QuoteAccepted', data: without(command.data, 'quoteId') };
    case 'DeclineQuote':
      return { type: 'QuoteDeclined', data: without(command.data, 'quoteId') };
    default:
      return assertNever(command, 'quote command');
  }
}

/** The margin of a revision, derived from its lines, checked the way the rules check the event. */
function marginOf(state: QuoteState, revisionNumber: number, quoteId: string, eventType: string): string {
  assertOpenQuote(state, eventType, quoteId);
  const { revision, quote } = revisionOf(state, revisionNumber, quoteId, eventType);
  return derivedMarginPct(revision.lines, quote.currency, `quote ${quoteId}`, revisionNumber);
}
