/**
 * An aggregate as a decider (DESIGN.md decision 6): pure functions over commands, events
 * and state. `decide` returns the new events or throws a typed DomainError.
 */
export interface Decider<C, E, S> {
  readonly initialState: S;
  decide(command: C, state: S): readonly E[];
  evolve(state: S, event: E): S;
}

export function foldEvents<E, S>(
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
  events: Iterable<E>,
): S {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
