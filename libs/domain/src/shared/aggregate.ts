import type { Decider } from './decider.js';
import type { StreamCategory } from './streams.js';

/**
 * The invariants of an aggregate, stated over events: throw a DomainError when `event` may not
 * follow `state` in stream `<category>-<id>`. `decide` checks every event it returns with them,
 * and import checks every line with the same function, so both paths enforce one set of rules.
 */
export type EventRules<E, S> = (state: S, event: E, id: string) => void;

export interface Aggregate<C, E, S> extends Decider<C, E, S> {
  readonly category: StreamCategory;
  readonly check: EventRules<E, S>;
}

/** Check each event against the state its predecessors produce; return them unchanged. */
export function checkedEvents<E, S>(check: EventRules<E, S>, evolve: (state: S, event: E) => S, state: S, id: string, events: readonly E[]): readonly E[] {
  let current = state;
  for (const event of events) {
    check(current, event, id);
    current = evolve(current, event);
  }
  return events;
}
