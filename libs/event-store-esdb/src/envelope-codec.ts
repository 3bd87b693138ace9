import { jsonEvent, type EventData, type JSONType, type ResolvedEvent } from '@eventstore/db-client';
import type { RecordedEvent, RecordedMetadata } from '@presales/event-store';
import { toEsdbEventId } from './event-ids.js';
import { fromPosition } from './positions.js';

/** Metadata key holding our event id when EventStoreDB's UUID had to be derived from it. */
const ORIGINAL_ID = 'presalesEventId';

/** An event in EventStoreDB that Presales Ledger did not write: no envelope, no hashes. */
export class ForeignEventError extends Error {
  constructor(
    readonly streamId: string,
    readonly revision: bigint,
    reason: string,
  ) {
    super(
      `stream ${streamId}@${revision}: not a Presales Ledger event (${reason}); this adapter expects a server, or at least streams, of its own`,
    );
    this.name = 'ForeignEventError';
  }
}

/** `$`-prefixed streams and event types are EventStoreDB's own (metadata, tombstones, links, our checkpoints). */
export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

/** The envelope travels whole in EventStoreDB's event metadata: stamps, actor, prevHash and hash. */
export function encodeEvent(
  id: string,
  type: string,
  data: Readonly<Record<string, unknown>>,
  metadata: RecordedMetadata,
): EventData {
  const esdbId = toEsdbEventId(id);
  return jsonEvent({
    id: esdbId,
    type,
    data: data as JSONType,
    metadata: esdbId === id ? metadata : { ...metadata, [ORIGINAL_ID]: id },
  });
}

/**
 * Back to the port's envelope; `undefined` for what the port never shows (system events,
 * unresolved links). Throws ForeignEventError for a user event without our envelope.
 */
export function decodeEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (event === undefined || isSystemEvent(event.streamId, event.type)) return undefined;
  if (!event.isJson) throw new ForeignEventError(event.streamId, event.revision, 'binary content');
  const stored = event.metadata as Record<string, unknown> | undefined;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored))
    throw new ForeignEventError(event.streamId, event.revision, 'no metadata');
  for (const field of ['hash', 'prevHash', 'recordedAt', 'occurredAt'] as const) {
    if (typeof stored[field] !== 'string')
      throw new ForeignEventError(event.streamId, event.revision, `no ${field} in the metadata`);
  }
  const { [ORIGINAL_ID]: originalId, ...metadata } = stored;
  const position =
    event.position ??
    (resolved.commitPosition === undefined
      ? undefined
      : { commit: resolved.commitPosition, prepare: resolved.commitPosition });
  return {
    id: typeof originalId === 'string' ? originalId : event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position: fromPosition(position, `stream ${event.streamId}@${event.revision}`),
    data: event.data as RecordedEvent['data'],
    metadata: metadata as unknown as RecordedMetadata,
  };
}
