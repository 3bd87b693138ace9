import { describe, expect, it } from 'vitest';
import type { Decider } from '../shared/decider.js';
import { IllegalStateError, ValidationError } from '../shared/errors.js';
import { canonicalJson, deciderSpecification } from './decider-specification.js';

// A counter: Add n → Added n, refused above 10.
type Added = { type: 'Added'; data: { n: number; note?: string } };
const counter: Decider<{ n: number }, Added, number> = {
  initialState: 0,
  decide: ({ n }, total) => {
    if (total + n > 10) throw new IllegalStateError('counter', `${total} + ${n} is more than 10`);
    return [{ type: 'Added', data: { n } }];
  },
  evolve: (total, event) => total + event.data.n,
};
const spec = deciderSpecification(counter);
const added = (n: number): Added => ({ type: 'Added', data: { n } });

describe('deciderSpecification', () => {
  it('passes when the decided events equal the expected ones, whatever the key order', () => {
    spec
      .given([added(4)])
      .when({ n: 3 })
      .then([{ data: { n: 3 }, type: 'Added' } as Added]);
    spec
      .given([])
      .when({ n: 1 })
      .then([{ type: 'Added', data: { n: 1, note: undefined } }]);
  });

  it('fails when the events differ', () => {
    expect(() =>
      spec
        .given([])
        .when({ n: 3 })
        .then([added(4)]),
    ).toThrow('expected events [{"data":{"n":4},"type":"Added"}]\n     but decided [{"data":{"n":3},"type":"Added"}]');
    expect(() => spec.given([]).when({ n: 3 }).then([])).toThrow(/expected events \[\]/);
  });

  it('returns the expected error, checking its type and message', () => {
    const error = spec
      .given([added(9)])
      .when({ n: 2 })
      .thenThrows(IllegalStateError, 'counter: 9 + 2 is more than 10');
    expect(error.rule).toBe('9 + 2 is more than 10');
    spec
      .given([added(9)])
      .when({ n: 2 })
      .thenThrows(IllegalStateError, /more than 10/);
  });

  it('fails when no error, another error type or another message comes', () => {
    expect(() => spec.given([]).when({ n: 1 }).thenThrows(IllegalStateError)).toThrow(
      'expected IllegalStateError but decided [{"type":"Added","data":{"n":1}}]',
    );
    expect(() =>
      spec
        .given([added(9)])
        .when({ n: 2 })
        .thenThrows(ValidationError),
    ).toThrow(IllegalStateError);
    expect(() =>
      spec
        .given([added(9)])
        .when({ n: 2 })
        .thenThrows(IllegalStateError, 'something else'),
    ).toThrow('expected message something else but got "counter: 9 + 2 is more than 10"');
  });
});

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});
