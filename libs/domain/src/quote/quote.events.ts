import { z } from 'zod';
import type { Event } from '../shared/message.js';
import {
  CurrencyCodeSchema,
  DecimalString,
  EntityId,
  MoneySchema,
  NonEmptyText,
  Version,
} from '../shared/primitives.js';
import { QuoteLines } from './quote.line.js';

/** QuoteDrafted is revision 0; QuoteRevised numbers the following ones 1, 2, … */
export const QuoteRevisionNumber = z
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be at least 0')
  .meta({ title: 'Revision', description: 'whole number ≥ 0: 0 is the draft, 1, 2, … its revisions' });

/** Margin in percent of the quote's total, 2 decimals, as derived from the revision's lines. */
const MarginPct = DecimalString;

export const QuoteDraftedData = z.strictObject({
  quoteId: EntityId,
  opportunityId: EntityId,
  tenderId: EntityId.optional(),
  currency: CurrencyCodeSchema,
  lines: QuoteLines,
});

export const QuoteRevisedData = z.strictObject({
  revision: Version,
  lines: QuoteLines,
  reason: NonEmptyText,
});

export const QuoteApprovalRequestedData = z.strictObject({
  revision: QuoteRevisionNumber,
  marginPct: MarginPct,
});

export const QuoteApprovedData = z.strictObject({
  revision: QuoteRevisionNumber,
  approverId: EntityId,
  marginPct: MarginPct,
});

export const QuoteApprovalRejectedData = z.strictObject({
  revision: QuoteRevisionNumber,
  approverId: EntityId,
  reason: NonEmptyText,
});

export const QuoteSentToCustomerData = z.strictObject({
  revision: QuoteRevisionNumber,
});

export const QuoteAcceptedData = z.strictObject({
  revision: QuoteRevisionNumber,
  contractedAmount: MoneySchema,
});

export const QuoteDeclinedData = z.strictObject({
  reason: NonEmptyText,
});

export type QuoteDrafted = Event<'QuoteDrafted', z.output<typeof QuoteDraftedData>>;
export type QuoteRevised = Event<'QuoteRevised', z.output<typeof QuoteRevisedData>>;
export type QuoteApprovalRequested = Event<'QuoteApprovalRequested', z.output<typeof QuoteApprovalRequestedData>>;
export type QuoteApproved = Event<'QuoteApproved', z.output<typeof QuoteApprovedData>>;
export type QuoteApprovalRejected = Event<'QuoteApprovalRejected', z.output<typeof QuoteApprovalRejectedData>>;
export type QuoteSentToCustomer = Event<'QuoteSentToCustomer', z.output<typeof QuoteSentToCustomerData>>;
export type QuoteAccepted = Event<'QuoteAccepted', z.output<typeof QuoteAcceptedData>>;
export type QuoteDeclined = Event<'QuoteDeclined', z.output<typeof QuoteDeclinedData>>;

export type QuoteEvent =
  | QuoteDrafted
  | QuoteRevised
  | QuoteApprovalRequested
  | QuoteApproved
  | QuoteApprovalRejected
  | QuoteSentToCustomer
  | QuoteAccepted
  | QuoteDeclined;

export const QUOTE_EVENT_SCHEMAS = {
  // Version 2 added discountPct to every line (see quote.upcasters.ts).
  QuoteDrafted: { schema: QuoteDraftedData, schemaVersion: 2 },
  QuoteRevised: { schema: QuoteRevisedData, schemaVersion: 1 },
  QuoteApprovalRequested: { schema: QuoteApprovalRequestedData, schemaVersion: 1 },
  QuoteApproved: { schema: QuoteApprovedData, schemaVersion: 1 },
  QuoteApprovalRejected: { schema: QuoteApprovalRejectedData, schemaVersion: 1 },
  QuoteSentToCustomer: { schema: QuoteSentToCustomerData, schemaVersion: 1 },
  QuoteAccepted: { schema: QuoteAcceptedData, schemaVersion: 1 },
  QuoteDeclined: { schema: QuoteDeclinedData, schemaVersion: 1 },
} as const satisfies { [T in QuoteEvent['type']]: { schema: z.ZodType; schemaVersion: number } };
