/**
 * The audit API's answers as the dashboard reads them (docs/audit.md), their schemas in
 * answers/audit.ts. The platform builds them in libs/audit; apps/api checks at compile time that
 * those types still fit these, so the two cannot drift apart. Revisions and positions are decimal
 * strings: they are 64-bit in the store.
 */
import type { Answer } from './answer-type.js';
import type * as answers from './answers/audit.js';
import { AUDIT_LINK_KINDS } from './vocabularies.js';
export { AUDIT_LINK_KINDS } from './vocabularies.js';
export type AuditLinkKind = (typeof AUDIT_LINK_KINDS)[number];

export type AuditActor = Answer<typeof answers.AuditActor>;
export type AuditChainVerdict = Answer<typeof answers.AuditChainVerdict>;
export type AuditEventView = Answer<typeof answers.AuditEventView>;
export type BidHistoryStream = Answer<typeof answers.BidHistoryStream>;
export type BidHistoryResponse = Answer<typeof answers.BidHistoryResponse>;
export type AuditEventLocation = Answer<typeof answers.AuditEventLocation>;
export type AuditMoment = Answer<typeof answers.AuditMoment>;
export type AuditMoney = Answer<typeof answers.AuditMoney>;
export type QuoteRevisionView = Answer<typeof answers.QuoteRevisionView>;
export type AuditDerivedFacts = Answer<typeof answers.AuditDerivedFacts>;
export type StateAsOfResponse = Answer<typeof answers.StateAsOfResponse>;
export type FieldChanges = Answer<typeof answers.FieldChanges>;
export type QuoteLineChangesView = Answer<typeof answers.QuoteLineChangesView>;
export type MomentSummaryView = Answer<typeof answers.MomentSummaryView>;
export type StateDiffResponse = Answer<typeof answers.StateDiffResponse>;
export type SubmissionProof = Answer<typeof answers.SubmissionProof>;
export type DeadlineProofResponse = Answer<typeof answers.DeadlineProofResponse>;
export type AuditReadOutcome = Answer<typeof answers.AuditReadOutcome>;
export type AuditReadView = Answer<typeof answers.AuditReadView>;
export type AuditReadsResponse = Answer<typeof answers.AuditReadsResponse>;
export type FoundBid = Answer<typeof answers.FoundBid>;
export type RecordSearchResponse = Answer<typeof answers.RecordSearchResponse>;
