import type { RecordedEvent, RecordedMetadata } from '@presales/event-store';
import type { EventRow } from './schema.js';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const metadata = JSON.parse(row.metadata) as Omit<RecordedMetadata, 'hash'>;
  return {
    id: row.id,
    type: row.type,
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    data: JSON.parse(row.data) as RecordedEvent['data'],
    metadata: { ...metadata, hash: row.hash },
  };
}
