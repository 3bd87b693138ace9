import { ValidationError } from '../shared/errors.js';
import { parseStreamName, STREAM_CATEGORIES, type StreamCategory } from '../shared/streams.js';
import { AGGREGATES, aggregateFor, type AggregateEntry } from './aggregates.js';
import { parseDomainEvent, type DomainEvent, type DomainEventType } from './event-catalog.js';

/** The stream category each event type is recorded in. */
export const EVENT_CATEGORIES: Readonly<Record<DomainEventType, StreamCategory>> = Object.fromEntries(
  AGGREGATES.flatMap((aggregate) => Object.keys(aggregate.events).map((type) => [type, aggregate.category])),
) as Record<DomainEventType, StreamCategory>;

export interface StreamEvent {
  readonly aggregate: AggregateEntry;
  /** The `<id>` of `<category>-<id>`. */
  readonly id: string;
  readonly event: DomainEvent;
}

/**
 * An event from outside (an import line, a stored event) checked against its stream: the stream
 * name must be `<category>-<id>` of a known category, the type one of that category's events, and
 * the payload valid after upcasting. Its invariants are then the aggregate's `check`.
 */
export function parseStreamEvent(
  stream: string,
  type: string,
  data: unknown,
  where: string,
  schemaVersion?: number,
): StreamEvent {
  const name = parseStreamName(stream);
  if (name === undefined) {
    throw new ValidationError(where, [
      {
        path: 'stream',
        value: stream,
        rule: `must be <category>-<id> with a category of ${STREAM_CATEGORIES.join(', ')}`,
      },
    ]);
  }
  const aggregate = aggregateFor(name.category);
  if (Object.hasOwn(EVENT_CATEGORIES, type) && !Object.hasOwn(aggregate.events, type)) {
    throw new ValidationError(where, [
      {
        path: 'type',
        value: type,
        rule: `must be an event of ${name.category} streams: ${Object.keys(aggregate.events).join(', ')}`,
      },
    ]);
  }
  return { aggregate, id: name.id, event: parseDomainEvent(type, data, where, schemaVersion) };
}
