/**
 * The audit API's answers as the dashboard reads them (docs/audit.md). The platform builds them in
 * libs/audit; apps/api checks at compile time that those types still fit these, so the two cannot
 * drift apart. Revisions and positions are decimal strings: they are 64-bit in the store.
 */

export interface AuditActor {
  readonly id: string;
  readonly role: string;
}

/** A stream's chain: intact with its event count, or the first broken revision and why. */
export type AuditChainVerdict =
  | { readonly ok: true; readonly streamId: string; readonly events: number }
  | { readonly ok: false; readonly streamId: string; readonly firstBrokenRevision: string; readonly reason: string };

export interface AuditEventView {
  readonly position: string;
  readonly streamId: string;
  readonly revision: string;
  readonly id: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly actor: AuditActor;
  /** Business time, as its writer claimed it. */
  readonly occurredAt: string;
  /** Store time, attested at append. */
  readonly recordedAt: string;
  readonly schemaVersion: number;
  readonly prevHash: string;
  readonly hash: string;
  /** The request that recorded it: the X-Request-Id of that request's log line (decision 0035). */
  readonly correlationId?: string;
}

export const AUDIT_LINK_KINDS = ['tender', 'opportunity', 'quote', 'warroom', 'assignment'] as const;
export type AuditLinkKind = (typeof AUDIT_LINK_KINDS)[number];

export type BidHistoryStream =
  | { readonly streamId: string; readonly link: AuditLinkKind; readonly readable: true; readonly eventsInHistory: number; readonly chain: AuditChainVerdict }
  | { readonly streamId: string; readonly link: AuditLinkKind; readonly readable: false; readonly reason: string };

/** GET /api/audit/tenders/:tenderId/history */
export interface BidHistoryResponse {
  readonly tenderId: string;
  readonly opportunityId: string;
  readonly streams: readonly BidHistoryStream[];
  readonly events: readonly (AuditEventView & { readonly link: AuditLinkKind })[];
}

export interface AuditEventLocation {
  readonly revision: string;
  readonly position: string;
  readonly recordedAt: string;
  readonly hash: string;
}

export type AuditMoment = { readonly kind: 'time'; readonly at: string } | { readonly kind: 'revision'; readonly revision: string } | { readonly kind: 'head' };

export interface AuditMoney {
  readonly amount: string;
  readonly currency: string;
}

export interface QuoteRevisionView {
  readonly revision: number;
  readonly recordedAt: string;
  readonly lines: readonly Readonly<Record<string, unknown>>[];
  readonly total: AuditMoney;
  readonly cost: AuditMoney;
  readonly margin: AuditMoney;
  readonly marginPct: string | null;
}

export type AuditDerivedFacts =
  | {
      readonly kind: 'tender';
      readonly deadline: string | null;
      readonly submission: { readonly occurredAt: string; readonly recordedAt: string; readonly claimedLate: boolean; readonly recordedLate: boolean } | null;
    }
  | { readonly kind: 'quote'; readonly currency: string | null; readonly revisions: readonly QuoteRevisionView[] }
  | { readonly kind: 'none' };

/** GET /api/audit/streams/:streamId/state?at= */
export interface StateAsOfResponse {
  readonly streamId: string;
  readonly category: string;
  readonly moment: AuditMoment;
  readonly through: AuditEventLocation | null;
  readonly eventsFolded: number;
  readonly status: string;
  readonly state: unknown;
  readonly derived: AuditDerivedFacts;
  readonly chain: AuditChainVerdict;
}

export interface FieldChanges {
  readonly added: readonly { readonly path: string; readonly value: unknown }[];
  readonly changed: readonly { readonly path: string; readonly from: unknown; readonly to: unknown }[];
  readonly removed: readonly { readonly path: string; readonly value: unknown }[];
}

export interface QuoteLineChangesView {
  readonly fromRevision: number | null;
  readonly toRevision: number | null;
  readonly added: readonly Readonly<Record<string, unknown>>[];
  readonly changed: readonly { readonly lineId: string; readonly fields: readonly { readonly field: string; readonly from: unknown; readonly to: unknown }[] }[];
  readonly removed: readonly Readonly<Record<string, unknown>>[];
}

export interface MomentSummaryView {
  readonly moment: AuditMoment;
  readonly through: AuditEventLocation | null;
  readonly status: string;
}

/** GET /api/audit/streams/:streamId/diff?from=&to= */
export interface StateDiffResponse {
  readonly streamId: string;
  readonly category: string;
  readonly from: MomentSummaryView;
  readonly to: MomentSummaryView;
  /** The events that made the difference, with who recorded them. */
  readonly events: readonly AuditEventView[];
  readonly fields: FieldChanges;
  readonly quoteLines: QuoteLineChangesView | null;
  readonly chain: AuditChainVerdict;
}

export interface SubmissionProof {
  readonly revision: string;
  readonly position: string;
  readonly eventId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  /** `demo`: stamped by the demo loader, not the store (docs/audit.md, two times). */
  readonly clock: 'store' | 'demo';
  readonly documentSha256: string;
  readonly channel: string;
  readonly receiptRef: string | null;
  readonly actor: AuditActor;
  readonly prevHash: string;
  readonly hash: string;
}

/** GET /api/audit/tenders/:tenderId/deadline-proof */
export type DeadlineProofResponse =
  | { readonly tenderId: string; readonly status: 'not_submitted'; readonly deadline: string; readonly chain: AuditChainVerdict }
  | {
      readonly tenderId: string;
      readonly status: 'submitted';
      readonly deadline: string;
      readonly submission: SubmissionProof;
      readonly claimedLate: boolean;
      readonly recordedLate: boolean;
      readonly recordedAfterDeadlineMs: number;
      readonly verdict: 'on_time' | 'late' | 'unproven';
      readonly chain: AuditChainVerdict;
    };

export type AuditReadOutcome = { readonly kind: 'answered'; readonly answerSha256?: string | undefined } | { readonly kind: 'refused'; readonly code: string; readonly message: string };

export interface AuditReadView {
  readonly position: string;
  readonly streamId: string;
  readonly revision: string;
  readonly actor: AuditActor;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly request: string;
  readonly subject: string;
  readonly streams: readonly string[];
  readonly parameters: Readonly<Record<string, string>>;
  readonly outcome: AuditReadOutcome;
}

/** GET /api/audit/reads (admins) */
export interface AuditReadsResponse {
  readonly from: string;
  readonly to: string;
  readonly reads: readonly AuditReadView[];
  readonly chains: readonly AuditChainVerdict[];
}

export interface FoundBid {
  readonly tenderId: string;
  readonly opportunityId: string;
  readonly kind: string;
  readonly issuer: string;
  /** ISO-8601 UTC. */
  readonly deadline: string;
  /** Empty when the opportunity was never registered. */
  readonly opportunityName: string;
  readonly customer: string;
  /** Quotes naming the tender or its opportunity, in id order, as the bid's history links them. */
  readonly quoteIds: readonly string[];
}

/** GET /api/audit/search?q=&page=&pageSize= */
export interface RecordSearchResponse {
  readonly q: string;
  readonly page: number;
  readonly pageSize: number;
  readonly tenders: readonly FoundBid[];
  /** Whether page + 1 has at least one tender. */
  readonly more: boolean;
}
