import { parseDomainEvent, upcastEvent, type AggregateEntry, type DomainEvent } from '@presales/domain';
import { verifyChain, type RecordedEvent } from '@presales/event-store';
import { UnreadableEventError } from '../errors.js';
import { chainVerdictOf, type ChainVerdict } from '../verification/chain-verdict.js';

export interface FoldedPrefix {
  readonly state: unknown;
  /** The prefix as domain events (current schema versions), beside the recorded ones. */
  readonly domainEvents: readonly DomainEvent[];
  /** The chain of exactly the events folded: the state is only as good as this verdict. */
  readonly chain: ChainVerdict;
}

/**
 * Folds recorded events with the aggregate's own evolve. When their chain is intact the events
 * are byte for byte what was appended, and what was appended passed the domain's validation
 * then (decide and import both validate): they are only upcast, which keeps a 10,000-event
 * replay cheap. When the chain is broken they are validated again, so an edited event is
 * reported by revision instead of confusing evolve.
 */
export function foldPrefix(
  aggregate: AggregateEntry,
  streamId: string,
  prefix: readonly RecordedEvent[],
): FoldedPrefix {
  const chain = chainVerdictOf(verifyChain(streamId, prefix));
  const domainEvents = prefix.map((event) => toDomainEvent(streamId, event, chain.ok));
  let state: unknown = aggregate.decider.initialState;
  domainEvents.forEach((event, index) => {
    try {
      state = aggregate.decider.evolve(state, event as never);
    } catch (error) {
      throw new UnreadableEventError(
        streamId,
        prefix[index]!.revision,
        `evolve refused it: ${(error as Error).message}`,
      );
    }
  });
  return { state, domainEvents, chain };
}

function toDomainEvent(streamId: string, event: RecordedEvent, chainIntact: boolean): DomainEvent {
  const where = `${streamId}@${event.revision}`;
  try {
    if (chainIntact)
      return {
        type: event.type,
        data: upcastEvent(event.type, event.metadata.schemaVersion, event.data, where),
      } as DomainEvent;
    return parseDomainEvent(event.type, event.data, where, event.metadata.schemaVersion);
  } catch (error) {
    throw new UnreadableEventError(streamId, event.revision, (error as Error).message);
  }
}
