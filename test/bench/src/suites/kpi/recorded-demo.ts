import type { DemoEvent } from '@presales/demo';
import {
  GENESIS_HASH,
  canonicalJson,
  canonicalStampedMetadata,
  hashCanonicalEvent,
  stampMetadata,
  type RecordedEvent,
} from '@presales/event-store';

/**
 * A generated history as the embedded store records it when `loadDemo` drives its clock: positions
 * 1, 2, 3… in generation order, revisions from 0 per stream, `recordedAt` = `occurredAt`, and the
 * per-stream hash chain. The KPI benchmark needs the read models of 10M events, not the append path
 * (measured by its own suite), and loading 10M events through one-event appends takes half an hour
 * here; kpi-data.int.spec.ts proves the tables built from this equal a load into the store followed
 * by a rebuild, table by table. Data comes back as the store gives it: parsed from its canonical
 * JSON, so keys are in sorted order (the `events` table stores the data's text).
 */
export function* recordDemo(events: Iterable<DemoEvent>): Generator<RecordedEvent> {
  const heads = new Map<string, { revision: bigint; hash: string }>();
  let position = 0n;
  for (const event of events) {
    const head = heads.get(event.stream);
    const revision = head === undefined ? 0n : head.revision + 1n;
    const prevHash = head?.hash ?? GENESIS_HASH;
    position += 1n;
    const recordedAt = new Date(event.metadata.occurredAt).toISOString();
    const metadata = stampMetadata(event.metadata, recordedAt, prevHash);
    // The data's canonical text is hashed as it is and parsed once: eventHash would write it again.
    const canonicalData = canonicalJson(event.data);
    const data = JSON.parse(canonicalData) as RecordedEvent['data'];
    const hash = hashCanonicalEvent(
      prevHash,
      event.stream,
      revision,
      event.type,
      canonicalData,
      canonicalStampedMetadata(event.metadata, recordedAt, prevHash),
    );
    heads.set(event.stream, { revision, hash });
    yield {
      id: event.id,
      type: event.type,
      streamId: event.stream,
      revision,
      position,
      data,
      metadata: { ...metadata, hash },
    };
  }
}
