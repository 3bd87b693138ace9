import { isDomainEventType, parseStreamName, upcastEvent, type DomainEvent } from '@presales/domain';
import type { RecordedEvent } from '@presales/event-store';
import type { DataOf } from '../model/model.js';
import { millis } from '../model/time.js';

/** One event as maturity reads it: the id of its stream's entity, its times and its upcast payload. */
export interface MaturityFact<Type extends DomainEvent['type']> {
  readonly type: Type;
  /** The id of the stream's entity: `T-1` of `tender-T-1`, the area of `process-bid`. */
  readonly entityId: string;
  readonly position: bigint;
  readonly occurredMs: number;
  readonly data: DataOf<Type>;
}

/** Every event that exists at asOf, by type, each list in position ($all) order. */
export interface MaturityFacts {
  readonly asOfMs: number;
  of<Type extends DomainEvent['type']>(type: Type): readonly MaturityFact<Type>[];
}

/**
 * docs/kpis.md "asOf", which maturity follows: only events recorded at or before asOf exist, the
 * counted ones and the looked-up ones alike. Nothing else is folded here: each practice reads the
 * lists it needs, so that no rule of one practice leaks into another.
 */
export function maturityFactsOf(events: readonly RecordedEvent[], asOfMs: number): MaturityFacts {
  const byType = new Map<string, MaturityFact<DomainEvent['type']>[]>();
  const existing = events
    .filter((event) => millis(event.metadata.recordedAt) <= asOfMs)
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  for (const event of existing) {
    const stream = parseStreamName(event.streamId);
    if (stream === undefined || !isDomainEventType(event.type)) continue;
    const fact = {
      type: event.type,
      entityId: stream.id,
      position: event.position,
      occurredMs: millis(event.metadata.occurredAt),
      data: upcastEvent(
        event.type,
        event.metadata.schemaVersion ?? 1,
        event.data,
        `${event.streamId}@${event.revision}`,
      ),
    } as MaturityFact<DomainEvent['type']>;
    const list = byType.get(event.type) ?? [];
    list.push(fact);
    byType.set(event.type, list);
  }
  return {
    asOfMs,
    of: <Type extends DomainEvent['type']>(type: Type) =>
      (byType.get(type) ?? []) as unknown as readonly MaturityFact<Type>[],
  };
}
