import type { LogRecord } from './log.js';

/** ESConsts.CommittedEventsMemCacheLimit: 8 MiB of recently committed event ids. */
export const COMMITTED_EVENTS_CACHE_BYTES = 8 * 1024 * 1024;

export interface CommittedId {
  readonly streamId: string;
  readonly revision: bigint;
}

/**
 * TEST STAND-IN, not a product store. IndexWriter's `_committedEvents`
 * (kurrent-io/KurrentDB src/KurrentDB.Core/Services/Storage/ReaderIndex/IndexWriter.cs): the ids
 * of recently written events, bounded by bytes, oldest evicted first, per node, lost on
 * restart. It is all `any` and `stream_exists` idempotency rests on; `limitBytes` is small in
 * tests to show the limit.
 */
export class CommittedIds {
  private readonly entries = new Map<string, CommittedId & { readonly bytes: number }>();
  private bytes = 0;

  constructor(private readonly limitBytes: number = COMMITTED_EVENTS_CACHE_BYTES) {}

  put(record: LogRecord): void {
    const bytes = 16 + 8 + Buffer.byteLength(record.streamId) + 64;
    this.entries.delete(record.eventId);
    this.entries.set(record.eventId, { streamId: record.streamId, revision: record.revision, bytes });
    this.bytes += bytes;
    for (const [id, entry] of this.entries) {
      if (this.bytes <= this.limitBytes) break;
      this.entries.delete(id);
      this.bytes -= entry.bytes;
    }
  }

  get(eventId: string): CommittedId | undefined {
    return this.entries.get(eventId);
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
