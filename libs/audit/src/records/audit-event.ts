import type { Actor } from '@presales/domain';
import type { RecordedEvent } from '@presales/event-store';

/**
 * A recorded event as an auditor reads it: every stamp the store wrote, JSON-safe. Revisions and
 * positions are decimal strings because they are 64-bit in the store and JSON numbers are not.
 * `data` is what was stored, at its `schemaVersion`, not upcast: it is what the hash covers.
 */
export interface AuditEvent {
  readonly position: string;
  readonly streamId: string;
  readonly revision: string;
  readonly id: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly actor: Actor;
  /** Business time, as the writer claimed it. */
  readonly occurredAt: string;
  /** Store time, stamped by the adapter at append (DESIGN.md decision 4). */
  readonly recordedAt: string;
  readonly schemaVersion: number;
  readonly prevHash: string;
  readonly hash: string;
  /** The request that recorded it (the X-Request-Id of its log line), when it was recorded over HTTP. */
  readonly correlationId?: string;
}

export function auditEventOf(event: RecordedEvent): AuditEvent {
  const { metadata } = event;
  return {
    position: event.position.toString(),
    streamId: event.streamId,
    revision: event.revision.toString(),
    id: event.id,
    type: event.type,
    data: event.data,
    actor: metadata.actor,
    occurredAt: metadata.occurredAt,
    recordedAt: metadata.recordedAt,
    schemaVersion: metadata.schemaVersion,
    prevHash: metadata.prevHash,
    hash: metadata.hash,
    ...(metadata.correlationId === undefined ? {} : { correlationId: metadata.correlationId }),
  };
}

/** Where an event sits in the store, for pointing at it from a verdict. */
export interface EventLocation {
  readonly revision: string;
  readonly position: string;
  readonly recordedAt: string;
  readonly hash: string;
}

export function locationOf(event: RecordedEvent): EventLocation {
  return {
    revision: event.revision.toString(),
    position: event.position.toString(),
    recordedAt: event.metadata.recordedAt,
    hash: event.metadata.hash,
  };
}
