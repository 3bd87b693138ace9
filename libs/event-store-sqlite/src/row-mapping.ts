import type { RecordedEvent, RecordedMetadata } from '@presales/event-store';
import type { EventRow } from './schema.js';

/** Runs for every event read; parses each JSON column once and builds no intermediate objects. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  const metadata = JSON.parse(row.metadata) as { -readonly [K in keyof RecordedMetadata]: RecordedMetadata[K] };
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
