import { EVENT_SCHEMAS, isDomainEventType, parseStreamEvent, type Actor } from '@presales/domain';
import type { RecordedEvent } from '@presales/event-store';

export interface AppendOptions {
  /** Business time, ISO-8601 UTC. */
  readonly occurredAt: string;
  /** Store time; defaults to occurredAt (a late-recorded fact passes a later one). */
  readonly recordedAt?: string;
  /** Defaults to the type's current version; pass 1 to store an old QuoteDrafted shape. */
  readonly schemaVersion?: number;
  readonly actor?: Actor;
}

const SYSTEM: Actor = { id: 'oracle-test', role: 'system' };

/**
 * An in-memory `$all`: events appended in order get positions 1, 2, 3 …, revisions 0, 1, 2 … per
 * stream, and the envelope of libs/event-store. Every payload is checked against its stream and
 * schema first (parseStreamEvent), so a scenario cannot hold an event the platform would refuse
 * to parse; the stored data is the payload as given, like a raw stored event.
 */
export class EventLog {
  readonly #recorded: RecordedEvent[] = [];
  readonly #revisions = new Map<string, bigint>();
  #snapshot: readonly RecordedEvent[] = Object.freeze([]);

  constructor(private readonly options: { readonly validate?: boolean } = {}) {}

  append(
    streamId: string,
    type: string,
    data: Readonly<Record<string, unknown>>,
    options: AppendOptions,
  ): RecordedEvent {
    const revision = this.#revisions.get(streamId) ?? 0n;
    const position = BigInt(this.#recorded.length + 1);
    const schemaVersion = options.schemaVersion ?? (isDomainEventType(type) ? EVENT_SCHEMAS[type].schemaVersion : 1);
    if (this.options.validate !== false)
      parseStreamEvent(streamId, type, data, `${streamId}@${revision}`, schemaVersion);
    const event: RecordedEvent = {
      id: `${streamId}@${revision}`,
      type,
      streamId,
      revision,
      position,
      data,
      metadata: {
        occurredAt: options.occurredAt,
        recordedAt: options.recordedAt ?? options.occurredAt,
        actor: options.actor ?? SYSTEM,
        schemaVersion,
        prevHash: '0'.repeat(64),
        hash: '0'.repeat(64),
      },
    };
    this.#recorded.push(event);
    this.#revisions.set(streamId, revision + 1n);
    this.#snapshot = Object.freeze([...this.#recorded]);
    return event;
  }

  /** The events so far, in position order: a new frozen array after every append. */
  get events(): readonly RecordedEvent[] {
    return this.#snapshot;
  }
}
