import { createHash } from 'node:crypto';
import type { RecordedEvent, RecordedMetadata } from './envelope.js';

/** prevHash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth and no whitespace: one byte string per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') throw new TypeError('canonicalJson: bigint is not JSON; convert it first');
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`canonicalJson: ${typeof value} is not JSON`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashableEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  /** Everything but `hash`; includes prevHash and recordedAt. */
  readonly metadata: Omit<RecordedMetadata, 'hash'>;
}

/** DESIGN.md decision 5: sha256(prevHash ‖ canonical JSON of {streamId, revision, type, data, metadata without hash}). */
export function eventHash(event: HashableEvent): string {
  const body = canonicalJson({
    streamId: event.streamId,
    revision: Number(event.revision),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });
  return createHash('sha256').update(event.metadata.prevHash).update(body).digest('hex');
}

export type ChainVerdict =
  | { readonly ok: true; readonly streamId: string; readonly events: number }
  | { readonly ok: false; readonly streamId: string; readonly firstBrokenRevision: bigint; readonly reason: string };

/** Recompute a stream's chain from its events in revision order and report the first break. */
export function verifyChain(streamId: string, events: readonly RecordedEvent[]): ChainVerdict {
  let prevHash = GENESIS_HASH;
  let expectedRevision = 0n;
  for (const event of events) {
    const broken = (reason: string): ChainVerdict => ({ ok: false, streamId, firstBrokenRevision: expectedRevision, reason });
    if (event.revision !== expectedRevision) return broken(`revision ${expectedRevision} is missing (found ${event.revision})`);
    if (event.metadata.prevHash !== prevHash) return broken('prevHash does not match the previous event (deleted or reordered)');
    const { hash, ...withoutHash } = event.metadata;
    if (eventHash({ ...event, metadata: withoutHash }) !== hash) return broken('content does not match its hash (edited)');
    prevHash = hash;
    expectedRevision += 1n;
  }
  return { ok: true, streamId, events: events.length };
}
