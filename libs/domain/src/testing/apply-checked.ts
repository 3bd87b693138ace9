import type { Aggregate } from '../shared/aggregate.js';

/** Fold one event as the importer does (check the aggregate's invariants, then evolve): for tests that build a state from events. */
export function applyChecked<E, S>(aggregate: Pick<Aggregate<unknown, E, S>, 'check' | 'evolve'>, state: S, event: E, id: string): S {
  aggregate.check(state, event, id);
  return aggregate.evolve(state, event);
}
