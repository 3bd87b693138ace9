import { aggregateFor, isIdentifiedByData, parseDomainEvent, parseStreamName } from '@presales/domain';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@presales/event-store';
import { contentFingerprint, factFingerprint } from '../line/event-id.js';
import { writerMetadataOf } from '../line/import-line.js';
import type { LineMetadata } from '../line/line-envelope.js';
import { StreamEntry } from './stream-entry.js';

/**
 * Stream states for validation, loaded from the store on first use (so lines for streams that
 * already exist are checked against their history) and kept in a bounded cache, least recently
 * used first out, so memory stays constant however many streams a file touches. Only entries
 * without pending events are evicted: their state is in the store and can be read again.
 */
export class StreamStates {
  private readonly entries = new Map<string, StreamEntry>();

  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    private readonly capacity: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The entry of a stream whose name has a known category (the caller checked it). */
  async get(stream: string): Promise<StreamEntry> {
    const cached = this.cached(stream);
    if (cached !== undefined) return cached;
    const entry = await this.load(stream);
    this.entries.set(stream, entry);
    return entry;
  }

  /** The entry if it is in memory, marked as the most recently used; undefined if it must be loaded. */
  cached(stream: string): StreamEntry | undefined {
    const cached = this.entries.get(stream);
    if (cached !== undefined) {
      // Re-insert: Map iteration order is the recency order.
      this.entries.delete(stream);
      this.entries.set(stream, cached);
    }
    return cached;
  }

  /** The entry if it is in memory, without touching its recency (a reference check is not a use). */
  peek(stream: string): StreamEntry | undefined {
    return this.entries.get(stream);
  }

  /** Streams with events waiting to be appended, in first-touched order. */
  withPending(): StreamEntry[] {
    return [...this.entries.values()].filter((entry) => entry.pending.length > 0);
  }

  forget(stream: string): void {
    this.entries.delete(stream);
  }

  /** Evict least recently used entries without pending events until the cache is within capacity. */
  trim(): void {
    if (this.entries.size <= this.capacity) return;
    for (const [stream, entry] of this.entries) {
      if (this.entries.size <= this.capacity) return;
      if (entry.pending.length === 0) this.entries.delete(stream);
    }
  }

  private async load(stream: string): Promise<StreamEntry> {
    const name = parseStreamName(stream)!;
    const aggregate = aggregateFor(name.category);
    let recorded: RecordedEvent[];
    try {
      recorded = await this.store.readStream(stream);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
      recorded = [];
    }
    let state = aggregate.decider.initialState;
    const ids = new Map<string, { fingerprint: string; revision: bigint }>();
    const facts = new Set<string>();
    for (const event of recorded) {
      const parsed = parseDomainEvent(
        event.type,
        event.data,
        `${stream}@${event.revision}`,
        event.metadata.schemaVersion,
      );
      state = aggregate.decider.evolve(state, parsed as never);
      const writer = writerMetadataOf(event.metadata as unknown as LineMetadata);
      ids.set(event.id, { fingerprint: contentFingerprint(event.type, event.data, writer), revision: event.revision });
      if (isIdentifiedByData(parsed.type)) facts.add(factFingerprint(parsed.type, parsed.data));
    }
    const revision = recorded.length === 0 ? undefined : recorded[recorded.length - 1]!.revision;
    return new StreamEntry(stream, name.id, aggregate, { state, revision, ids, facts });
  }
}
