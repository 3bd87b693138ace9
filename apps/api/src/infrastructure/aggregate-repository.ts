import { randomUUID } from 'node:crypto';
import {
  EVENT_SCHEMAS,
  foldEvents,
  parseDomainEvent,
  type CommandMetadata,
  type Decider,
  type DomainEvent,
} from '@presales/domain';
import {
  StreamNotFoundError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
} from '@presales/event-store';

export interface LoadedAggregate<S> {
  readonly state: S;
  /** What the next append must expect: the stream's last revision, or no_stream. */
  readonly expectedRevision: ExpectedRevision;
  /** The event that began the stream (its time, its opportunity); undefined when there is none yet. */
  readonly first: RecordedEvent | undefined;
}

/** Read a stream and fold it through the decider's evolve. */
export async function loadAggregate<E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
): Promise<LoadedAggregate<S>> {
  try {
    const recorded = await store.readStream(streamId);
    // Stored events keep the schemaVersion they were written with; parsing upcasts older ones.
    const events = recorded.map(
      (event) =>
        parseDomainEvent(event.type, event.data, `${streamId}@${event.revision}`, event.metadata.schemaVersion) as E,
    );
    return {
      state: foldEvents(decider, events),
      expectedRevision: recorded[recorded.length - 1]!.revision,
      first: recorded[0],
    };
  } catch (error) {
    if (error instanceof StreamNotFoundError)
      return { state: decider.initialState, expectedRevision: 'no_stream', first: undefined };
    throw error;
  }
}

export interface AppendedEvents extends AppendResult {
  readonly eventIds: readonly string[];
}

/** Append what `decide` returned, guarded by the revision the decision was made on. */
export async function appendDecided(
  store: EventStore,
  streamId: string,
  expectedRevision: ExpectedRevision,
  events: readonly DomainEvent[],
  metadata: CommandMetadata,
  /** The i-th event's id; default random. An idempotency key gives ids that make a retried append a no-op. */
  eventId: (index: number) => string = () => randomUUID(),
): Promise<AppendedEvents> {
  const toAppend = events.map((event, index) => ({
    id: eventId(index),
    type: event.type,
    data: event.data,
    metadata: {
      occurredAt: metadata.occurredAt,
      actor: metadata.actor,
      schemaVersion: EVENT_SCHEMAS[event.type].schemaVersion,
      ...(metadata.correlationId === undefined ? {} : { correlationId: metadata.correlationId }),
    },
  }));
  const result = await store.appendToStream(streamId, toAppend, { expectedRevision });
  return { ...result, eventIds: toAppend.map((event) => event.id) };
}
