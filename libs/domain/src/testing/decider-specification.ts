import type { Decider } from '../shared/decider.js';

/**
 * given(events).when(command).then(events | error) for deciders (after emmett's
 * DeciderSpecification). Throws an AssertionError-like Error on mismatch so it works in any runner.
 * Events are compared by value: key order does not matter, `undefined` fields do not count.
 */
export function deciderSpecification<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given(history: readonly E[]) {
      return {
        when(command: C) {
          const run = (): readonly E[] => {
            let state = decider.initialState;
            for (const event of history) state = decider.evolve(state, event);
            return decider.decide(command, state);
          };
          return {
            then(expected: readonly E[]): void {
              const actual = run();
              const a = canonicalJson(actual);
              const b = canonicalJson(expected);
              if (a !== b) throw new Error(`expected events ${b}\n     but decided ${a}`);
            },
            thenThrows<T extends Error>(errorType: abstract new (...args: never[]) => T, message?: string | RegExp): T {
              let caught: unknown;
              try {
                const events = run();
                throw new Error(`expected ${errorType.name} but decided ${JSON.stringify(events)}`);
              } catch (error) {
                caught = error;
              }
              if (!(caught instanceof errorType)) throw caught;
              if (
                message !== undefined &&
                !(typeof message === 'string' ? caught.message === message : message.test(caught.message))
              ) {
                throw new Error(`expected message ${String(message)} but got ${JSON.stringify(caught.message)}`);
              }
              return caught;
            },
          };
        },
      };
    },
  };
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : inner,
  );
}
