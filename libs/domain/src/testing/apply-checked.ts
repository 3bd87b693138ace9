import type { Aggregate } from '../shared/aggregate.js';
import { metadataAt } from './command-fixture.js';

/**
 * Fold one event as the importer does (check the aggregate's invariants at the event's business
 * time, then evolve): for tests that build a state from events. Without a time, the test
 * commands' fixed one (metadataAt).
 */
export function applyChecked<E, S>(
  aggregate: Pick<Aggregate<unknown, E, S>, 'check' | 'evolve'>,
  state: S,
  event: E,
  id: string,
  occurredAt: string = metadataAt().occurredAt,
): S {
  aggregate.check(state, event, id, occurredAt);
  return aggregate.evolve(state, event);
}
