import type { RecordedEvent, RecordedMetadata } from '@presales/event-store';
import type { EventRow } from './schema.js';

type MutableMetadata = { -readonly [K in keyof RecordedMetadata]: RecordedMetadata[K] };

/** Runs for every event read; parses each JSON column once and builds no intermediate objects. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return recordedEvent(row.stream_id, row.position, row.id, row.revision, row.type, row.data, row.metadata, row.hash);
}

/**
 * The columns a stream read decodes, for a raw statement (rows as arrays). better-sqlite3 builds
 * a keyed object per row otherwise, which costs about as much as the query itself on a long
 * stream; the stream id is the one asked for, so it is not read back 10,000 times either.
 */
export const STREAM_EVENT_COLUMNS = 'position, id, revision, type, data, metadata, hash';

export type StreamEventTuple = readonly [
  position: number,
  id: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  hash: string,
];

export function tupleToRecordedEvent(
  streamId: string,
  [position, id, revision, type, data, metadata, hash]: StreamEventTuple,
): RecordedEvent {
  return recordedEvent(streamId, position, id, revision, type, data, metadata, hash);
}

/** The stored columns as an event: the JSON columns parsed, the row's hash put into its metadata. */
function recordedEvent(
  streamId: string,
  position: number,
  id: string,
  revision: number,
  type: string,
  dataText: string,
  metadataText: string,
  hash: string,
): RecordedEvent {
  const metadata = JSON.parse(metadataText) as MutableMetadata;
  metadata.hash = hash;
  return {
    id,
    type,
    streamId,
    revision: BigInt(revision),
    position: BigInt(position),
    data: JSON.parse(dataText) as RecordedEvent['data'],
    metadata,
  };
}
