import type { Decider } from './decider.js';
import type { StreamCategory } from './streams.js';

/**
 * The invariants of an aggregate, stated over events: throw a DomainError when `event`, which
 * happened at `occurredAt` (its business time, ISO-8601 UTC), may not follow `state` in stream
 * `<category>-<id>`. `decide` checks every event it returns with them (at its command's time),
 * and import checks every line with the same function (at the line's time), so both paths
 * enforce one set of rules.
 */
export type EventRules<E, S> = (state: S, event: E, id: string, occurredAt: string) => void;

export interface Aggregate<C, E, S> extends Decider<C, E, S> {
  readonly category: StreamCategory;
  readonly check: EventRules<E, S>;
}

/** Check each event, happening at `occurredAt`, against the state its predecessors produce; return them unchanged. */
export function checkedEvents<E, S>(
  check: EventRules<E, S>,
  evolve: (state: S, event: E) => S,
  state: S,
  id: string,
  occurredAt: string,
  events: readonly E[],
): readonly E[] {
  let current = state;
  for (const event of events) {
    check(current, event, id, occurredAt);
    current = evolve(current, event);
  }
  return events;
}
