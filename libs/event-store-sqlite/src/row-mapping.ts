import type { RecordedEvent, RecordedMetadata } from '@presales/event-store';
import type { EventRow } from './schema.js';

type MutableMetadata = { -readonly [K in keyof RecordedMetadata]: RecordedMetadata[K] };

/** Runs for every event read; parses each JSON column once and builds no intermediate objects. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  const metadata = JSON.parse(row.metadata) as MutableMetadata;
  metadata.hash = row.hash;
  return {
    id: row.id,
    type: row.type,
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    data: JSON.parse(row.data) as RecordedEvent['data'],
    metadata,
  };
}

/**
 * The columns a stream read decodes, for a raw statement (rows as arrays). better-sqlite3 builds
 * a keyed object per row otherwise, which costs about as much as the query itself on a long
 * stream; the stream id is the one asked for, so it is not read back 10,000 times either.
 */
export const STREAM_EVENT_COLUMNS = 'position, id, revision, type, data, metadata, hash';

export type StreamEventTuple = readonly [position: number, id: string, revision: number, type: string, data: string, metadata: string, hash: string];

export function tupleToRecordedEvent(streamId: string, [position, id, revision, type, data, metadataText, hash]: StreamEventTuple): RecordedEvent {
  const metadata = JSON.parse(metadataText) as MutableMetadata;
  metadata.hash = hash;
  return { id, type, streamId, revision: BigInt(revision), position: BigInt(position), data: JSON.parse(data) as RecordedEvent['data'], metadata };
}
