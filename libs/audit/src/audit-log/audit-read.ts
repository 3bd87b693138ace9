import { randomUUID } from 'node:crypto';
import type { Actor } from '@presales/domain';
import type { EventStore } from '@presales/event-store';
import { z } from 'zod';

/**
 * The audit log is not presales domain: its streams are `audit-<YYYY-MM-DD>`, a category the
 * domain catalog does not know and the projector builds no fact table for
 * (docs/decisions/0011-audit-reads.md). Its events are hash-chained like every other.
 */
export const AUDIT_LOG_CATEGORY = 'audit';
export const AUDIT_READ = 'AuditRead';
export const AUDIT_READ_SCHEMA_VERSION = 1;

/** Every kind of audit request; each becomes one AuditRead. */
export const AUDIT_REQUESTS = [
  'history',
  'state_as_of',
  'state_diff',
  'deadline_proof',
  'verify_stream',
  'verify_store',
  'evidence_pack',
  'kpis_as_of',
  'audit_reads',
  'record_search',
] as const;
export type AuditRequest = (typeof AUDIT_REQUESTS)[number];

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

/** `answered`, possibly with the SHA-256 of what was handed out; `refused` with the error code and message. */
export const AuditOutcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('answered'), answerSha256: Sha256Hex.optional() }),
  z.strictObject({ kind: z.literal('refused'), code: z.string().min(1).max(40), message: z.string().max(2000) }),
]);
export type AuditOutcome = z.output<typeof AuditOutcomeSchema>;

export const AuditReadData = z.strictObject({
  request: z.enum(AUDIT_REQUESTS),
  /** What was asked about: a stream, `$all`, `kpis` or `audit-log`. */
  subject: z.string().min(1).max(200),
  /** Every stream whose events the answer was built from. */
  streams: z.array(z.string().min(1).max(200)).max(10_000),
  parameters: z.record(z.string(), z.string().max(500)),
  outcome: AuditOutcomeSchema,
});
export type AuditReadData = z.output<typeof AuditReadData>;

/** `audit-2026-03-15`: one stream per UTC day keeps each stream short and a day's reads together. */
export function auditLogStream(day: string): string {
  return `${AUDIT_LOG_CATEGORY}-${day}`;
}

export function utcDay(time: Date): string {
  return time.toISOString().slice(0, 10);
}

export interface RecordedAuditRead {
  readonly streamId: string;
  readonly position: bigint;
}

/** Appends one AuditRead: who (actor) looked at what, when (occurredAt; the store adds recordedAt). */
export async function recordAuditRead(
  store: Pick<EventStore, 'appendToStream'>,
  read: AuditReadData,
  who: { readonly actor: Actor; readonly at: Date },
): Promise<RecordedAuditRead> {
  const data = AuditReadData.parse(read);
  const streamId = auditLogStream(utcDay(who.at));
  const result = await store.appendToStream(
    streamId,
    [
      {
        id: randomUUID(),
        type: AUDIT_READ,
        data,
        metadata: { occurredAt: who.at.toISOString(), actor: who.actor, schemaVersion: AUDIT_READ_SCHEMA_VERSION },
      },
    ],
    { expectedRevision: 'any' },
  );
  return { streamId, position: result.position };
}
