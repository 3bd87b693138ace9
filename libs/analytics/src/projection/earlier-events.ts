import type { RecordedEvent } from '@presales/event-store';

/**
 * An earlier event of the same stream whose fields a fact row copies (decision 0016): an
 * activity's kind and opportunity onto its completion, a tender's deadline onto its submission.
 * KPIs then read one period of one table instead of joining the whole history of another, and
 * the copy is still a pure function of the log: events never change, and the earlier event is
 * recorded before the row's own, so asOf sees both or neither.
 */
export interface EarlierEvent {
  readonly type: string;
  /**
   * The payload field the later event shares with the one it copies from, when a stream holds
   * several of that type (an opportunity's support requests, by requestId). Absent: the
   * stream's first event, which must be of `type`.
   */
  readonly matchOn?: string;
  /** The payload fields copied: the only ones remembered between batches. */
  readonly fields: readonly string[];
}

/** What a row can copy from an earlier event: its business time and the fields named. */
export interface EarlierEventFacts {
  readonly occurredAt: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * What an event shares with the other end of `lookup`: its stream and, when the lookup has one,
 * its match field. The same key names the earlier event when it is remembered and when a later
 * one looks it up.
 */
export function lookupKey(event: RecordedEvent, lookup: EarlierEvent): string {
  const match = lookup.matchOn === undefined ? '' : String(event.data[lookup.matchOn] ?? '');
  return `${event.streamId}\u0000${lookup.type}\u0000${match}`;
}

/** Only the fields a row copies, so a remembered event costs a few dozen bytes. */
export function factsOf(event: RecordedEvent, lookup: EarlierEvent): EarlierEventFacts {
  const data: Record<string, unknown> = {};
  for (const field of lookup.fields) data[field] = event.data[field];
  return { occurredAt: event.metadata.occurredAt, data };
}

/** How many earlier events the projector keeps between batches by default: ~45 MB of heap, about three months of them at 10M events over two years. */
export const DEFAULT_EARLIER_EVENT_CAPACITY = 100_000;

/**
 * The earlier events seen most recently, kept between batches so a completion finds its
 * activity without a read of the event store: most copies come from events days or weeks
 * before. Bounded (least recently used first out); a miss is only a read, never a wrong row.
 */
export class EarlierEventMemory {
  private readonly entries = new Map<string, EarlierEventFacts>();

  constructor(readonly capacity = DEFAULT_EARLIER_EVENT_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 0)
      throw new RangeError(`earlier event memory: capacity must be a whole number ≥ 0, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): EarlierEventFacts | undefined {
    const facts = this.entries.get(key);
    if (facts !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, facts);
    }
    return facts;
  }

  set(key: string, facts: EarlierEventFacts): void {
    if (this.capacity === 0) return;
    this.entries.delete(key);
    this.entries.set(key, facts);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
