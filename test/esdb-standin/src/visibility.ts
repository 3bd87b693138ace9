import type { LogRecord } from './log.js';
import type { RawStreamMetadata } from './stream-index.js';

const TICKS_PER_SECOND = 10_000_000n;

/**
 * TEST STAND-IN, not a product store. Which of a stream's readable events a stream read
 * returns, as the server's read index decides from the stream metadata
 * (EventStore/EventStore src/EventStore.Core/Services/Storage/ReaderIndex/IndexReader.cs,
 * ReadStreamEventsForward/Backward with GetStreamMetadataCached): events before `$tb` are gone,
 * only the newest `$maxCount` remain, and `$maxAge` compares each event's `created` with the
 * *server's* clock.
 */
export function visibleEvents(
  events: readonly LogRecord[],
  metadata: RawStreamMetadata,
  nowTicks: bigint,
): LogRecord[] {
  const last = events[events.length - 1];
  if (last === undefined) return [];
  let from = metadata.$tb ?? 0n;
  if (typeof metadata.$maxCount === 'number') {
    const countFloor = last.revision - BigInt(metadata.$maxCount) + 1n;
    if (countFloor > from) from = countFloor;
  }
  const oldest =
    typeof metadata.$maxAge === 'number' ? nowTicks - BigInt(metadata.$maxAge) * TICKS_PER_SECOND : undefined;
  return events.filter((event) => event.revision >= from && (oldest === undefined || event.created >= oldest));
}
