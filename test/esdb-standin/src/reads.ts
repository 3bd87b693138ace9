import { DELETED_STREAM, type LogRecord } from './log.js';
import type { StandinStore } from './standin-store.js';
import { visibleEvents } from './visibility.js';

export type Direction = 'forwards' | 'backwards';

export type StreamReadResult =
  | { readonly kind: 'events'; readonly events: readonly LogRecord[] }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'deleted' };

/**
 * TEST STAND-IN, not a product store. A stream read (IndexReader.ReadStreamEventsForward /
 * Backward): a tombstone is StreamDeleted, a soft delete (`$tb` = DeletedStream) or a stream
 * never written is NoStream; otherwise the visible events from `from` (inclusive) on.
 */
export function readStream(
  store: StandinStore,
  streamId: string,
  from: bigint | 'start' | 'end',
  direction: Direction,
  count: bigint,
): StreamReadResult {
  const records = store.streams.allRecords(streamId).filter(store.readable);
  if (records.some((r) => r.revision === DELETED_STREAM)) return { kind: 'deleted' };
  const metadata = store.streams.metadata(streamId, store.readable);
  if (records.length === 0 || metadata.$tb === DELETED_STREAM) return { kind: 'not_found' };
  const visible = visibleEvents(records, metadata, store.nowTicks());
  const ordered = direction === 'forwards' ? visible : [...visible].reverse();
  const inRange = ordered.filter(
    (event) =>
      from === 'start' ||
      from === 'end' ||
      (direction === 'forwards' ? event.revision >= from : event.revision <= from),
  );
  return { kind: 'events', events: inRange.slice(0, Number(count > 1_000_000n ? 1_000_000n : count)) };
}

export interface LogFilter {
  readonly on: 'stream' | 'type';
  readonly prefixes: readonly string[];
  readonly regex: string;
}

export function matches(filter: LogFilter | undefined, record: LogRecord): boolean {
  if (filter === undefined) return true;
  const subject = filter.on === 'stream' ? record.streamId : record.type;
  if (filter.prefixes.length > 0) return filter.prefixes.some((prefix) => subject.startsWith(prefix));
  return filter.regex === '' || new RegExp(filter.regex).test(subject);
}

export type AllReadResult =
  { readonly kind: 'records'; readonly records: readonly LogRecord[] } | { readonly kind: 'invalid_position' };

/**
 * `$all` by log position (kurrent-io/KurrentDB src/KurrentDB.Core/Services/Storage/ReaderIndex/AllReader.cs).
 * Forwards from P returns the record *starting* at P and those after it. Backwards from P takes
 * P as a post-position ("pointer after the end of record": ReadAllEventsBackwardInternal keeps
 * records whose post-position ≤ P), so the record starting at P is *not* returned. A P that is
 * neither a record's start nor the end of the log is InvalidPosition.
 */
export function readAll(
  store: StandinStore,
  from: bigint | 'start' | 'end',
  direction: Direction,
  count: bigint,
  filter: LogFilter | undefined,
): AllReadResult {
  const log = store.log.readable();
  let index: number | undefined;
  if (from === 'start') index = 0;
  else if (from === 'end') index = log.length;
  else index = store.log.indexAt(from);
  if (index === undefined) return { kind: 'invalid_position' };
  const records: LogRecord[] = [];
  const limit = count > BigInt(log.length) ? log.length : Number(count);
  if (direction === 'forwards') {
    for (let i = index; i < log.length && records.length < limit; i += 1)
      if (matches(filter, log[i]!)) records.push(log[i]!);
  } else {
    for (let i = index - 1; i >= 0 && records.length < limit; i -= 1)
      if (matches(filter, log[i]!)) records.push(log[i]!);
  }
  return { kind: 'records', records };
}
