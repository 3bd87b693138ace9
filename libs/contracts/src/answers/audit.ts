import { z } from 'zod';
import { AUDIT_LINK_KINDS } from '../vocabularies.js';
import { Decimal64, UtcTime } from './common.js';

// The audit API's answers as the dashboard reads them (docs/audit.md). The platform builds them in
// libs/audit; apps/api checks at compile time that those types still fit these.

export const AuditActor = z.object({ id: z.string(), role: z.string() });

/** A stream's chain: intact with its event count, or the first broken revision and why. */
export const AuditChainVerdict = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), streamId: z.string(), events: z.number() }),
  z.object({ ok: z.literal(false), streamId: z.string(), firstBrokenRevision: Decimal64, reason: z.string() }),
]);

const ChainFinding = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stream'), streamId: z.string(), firstBrokenRevision: Decimal64, reason: z.string() }),
  z.object({ kind: z.literal('log'), position: Decimal64, reason: z.string() }),
]);

const StoreChainTiming = {
  engine: z.string(),
  streams: z.number(),
  events: z.number(),
  elapsedMs: z.number(),
  eventsPerSecond: z.number(),
};

/** GET /api/audit/verify */
export const StoreChainReport = z.discriminatedUnion('ok', [
  z.object({ ...StoreChainTiming, ok: z.literal(true) }),
  z.object({
    ...StoreChainTiming,
    ok: z.literal(false),
    findings: z.array(ChainFinding),
    findingsOmitted: z.number(),
  }),
]);

export const AuditEventView = z.object({
  position: Decimal64,
  streamId: z.string(),
  revision: Decimal64,
  id: z.string(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  actor: AuditActor,
  occurredAt: UtcTime.meta({ description: 'business time, as its writer claimed it' }),
  recordedAt: UtcTime.meta({ description: 'store time, attested at append' }),
  schemaVersion: z.number(),
  prevHash: z.string(),
  hash: z.string(),
  correlationId: z
    .string()
    .optional()
    .meta({ description: "the request that recorded it: the X-Request-Id of that request's log line (decision 0035)" }),
});

const AuditLinkKind = z.enum(AUDIT_LINK_KINDS);

export const BidHistoryStream = z.discriminatedUnion('readable', [
  z.object({
    streamId: z.string(),
    link: AuditLinkKind,
    readable: z.literal(true),
    eventsInHistory: z.number(),
    chain: AuditChainVerdict,
  }),
  z.object({ streamId: z.string(), link: AuditLinkKind, readable: z.literal(false), reason: z.string() }),
]);

/** GET /api/audit/tenders/:tenderId/history */
export const BidHistoryResponse = z.object({
  tenderId: z.string(),
  opportunityId: z.string(),
  streams: z.array(BidHistoryStream),
  events: z.array(AuditEventView.extend({ link: AuditLinkKind })),
});

export const AuditEventLocation = z.object({
  revision: Decimal64,
  position: Decimal64,
  recordedAt: UtcTime,
  hash: z.string(),
});

export const AuditMoment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('time'), at: UtcTime }),
  z.object({ kind: z.literal('revision'), revision: Decimal64 }),
  z.object({ kind: z.literal('head') }),
]);

export const AuditMoney = z.object({ amount: z.string(), currency: z.string() });

export const QuoteRevisionView = z.object({
  revision: z.number(),
  recordedAt: UtcTime,
  lines: z.array(z.record(z.string(), z.unknown())),
  total: AuditMoney,
  cost: AuditMoney,
  margin: AuditMoney,
  marginPct: z.string().nullable(),
});

export const AuditDerivedFacts = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tender'),
    deadline: UtcTime.nullable(),
    submission: z
      .object({ occurredAt: UtcTime, recordedAt: UtcTime, claimedLate: z.boolean(), recordedLate: z.boolean() })
      .nullable(),
  }),
  z.object({ kind: z.literal('quote'), currency: z.string().nullable(), revisions: z.array(QuoteRevisionView) }),
  z.object({ kind: z.literal('none') }),
]);

/** GET /api/audit/streams/:streamId/state?at= */
export const StateAsOfResponse = z.object({
  streamId: z.string(),
  category: z.string(),
  moment: AuditMoment,
  through: AuditEventLocation.nullable(),
  eventsFolded: z.number(),
  status: z.string(),
  state: z.unknown(),
  derived: AuditDerivedFacts,
  chain: AuditChainVerdict,
});

export const FieldChanges = z.object({
  added: z.array(z.object({ path: z.string(), value: z.unknown() })),
  changed: z.array(z.object({ path: z.string(), from: z.unknown(), to: z.unknown() })),
  removed: z.array(z.object({ path: z.string(), value: z.unknown() })),
});

export const QuoteLineChangesView = z.object({
  fromRevision: z.number().nullable(),
  toRevision: z.number().nullable(),
  added: z.array(z.record(z.string(), z.unknown())),
  changed: z.array(
    z.object({
      lineId: z.string(),
      fields: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
    }),
  ),
  removed: z.array(z.record(z.string(), z.unknown())),
});

export const MomentSummaryView = z.object({
  moment: AuditMoment,
  through: AuditEventLocation.nullable(),
  status: z.string(),
});

/** GET /api/audit/streams/:streamId/diff?from=&to= */
export const StateDiffResponse = z.object({
  streamId: z.string(),
  category: z.string(),
  from: MomentSummaryView,
  to: MomentSummaryView,
  events: z.array(AuditEventView).meta({ description: 'the events that made the difference, with who recorded them' }),
  fields: FieldChanges,
  quoteLines: QuoteLineChangesView.nullable(),
  chain: AuditChainVerdict,
});

export const SubmissionProof = z.object({
  revision: Decimal64,
  position: Decimal64,
  eventId: z.string(),
  occurredAt: UtcTime,
  recordedAt: UtcTime,
  clock: z
    .enum(['store', 'demo'])
    .meta({ description: '`demo`: stamped by the demo loader, not the store (docs/audit.md, two times)' }),
  documentSha256: z.string(),
  channel: z.string(),
  receiptRef: z.string().nullable(),
  actor: AuditActor,
  prevHash: z.string(),
  hash: z.string(),
});

/** GET /api/audit/tenders/:tenderId/deadline-proof */
export const DeadlineProofResponse = z.discriminatedUnion('status', [
  z.object({ tenderId: z.string(), status: z.literal('not_submitted'), deadline: UtcTime, chain: AuditChainVerdict }),
  z.object({
    tenderId: z.string(),
    status: z.literal('submitted'),
    deadline: UtcTime,
    submission: SubmissionProof,
    claimedLate: z.boolean(),
    recordedLate: z.boolean(),
    recordedAfterDeadlineMs: z.number(),
    verdict: z.enum(['on_time', 'late', 'unproven']),
    chain: AuditChainVerdict,
  }),
]);

export const AuditReadOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answered'), answerSha256: z.string().optional() }),
  z.object({ kind: z.literal('refused'), code: z.string(), message: z.string() }),
]);

export const AuditReadView = z.object({
  position: Decimal64,
  streamId: z.string(),
  revision: Decimal64,
  actor: AuditActor,
  occurredAt: UtcTime,
  recordedAt: UtcTime,
  request: z.string(),
  subject: z.string(),
  streams: z.array(z.string()),
  parameters: z.record(z.string(), z.string()),
  outcome: AuditReadOutcome,
});

/** GET /api/audit/reads (admins) */
export const AuditReadsResponse = z.object({
  from: z.string(),
  to: z.string(),
  reads: z.array(AuditReadView),
  chains: z.array(AuditChainVerdict),
});

export const FoundBid = z.object({
  tenderId: z.string(),
  opportunityId: z.string(),
  kind: z.string(),
  issuer: z.string(),
  deadline: UtcTime,
  opportunityName: z.string().meta({ description: 'empty when the opportunity was never registered' }),
  customer: z.string(),
  quoteIds: z
    .array(z.string())
    .meta({ description: "quotes naming the tender or its opportunity, in id order, as the bid's history links them" }),
});

/** GET /api/audit/search?q=&page=&pageSize= */
export const RecordSearchResponse = z.object({
  q: z.string(),
  page: z.number(),
  pageSize: z.number(),
  tenders: z.array(FoundBid),
  more: z.boolean().meta({ description: 'whether page + 1 has at least one tender' }),
});
