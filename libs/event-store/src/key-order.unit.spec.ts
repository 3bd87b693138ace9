import { describe, expect, it } from 'vitest';
import { sortKeys } from './canonical-json.js';
import { KeyOrderCache } from './key-order.js';

describe('KeyOrderCache', () => {
  it('derives the sorted members and their quoted prefixes once per key list', () => {
    const cache = new KeyOrderCache(sortKeys);
    const order = cache.of(['b', 'a"', 'c']);
    expect(order).toMatchObject({
      members: ['a"', 'b', 'c'],
      firstPrefixes: ['"a\\"":', '"b":', '"c":'],
      laterPrefixes: [',"a\\"":', ',"b":', ',"c":'],
    });
    expect(cache.of(['b', 'a"', 'c'])).toBe(order);
    expect(cache.of(['b', 'c', 'a"']).members).toEqual(['a"', 'b', 'c']);
  });

  it('still derives the right order for lists it does not keep: many sharing a first key, or long ones', () => {
    const cache = new KeyOrderCache(sortKeys);
    for (let list = 0; list < 20; list += 1) {
      const keys = ['z', `k${list}`, 'a'];
      expect(cache.of(keys).members).toEqual([...keys].sort());
    }
    const long = Array.from({ length: 40 }, (_, i) => `k${39 - i}`);
    expect(cache.of(long).members).toEqual([...long].sort());
    expect(cache.of(long)).not.toBe(cache.of(long));
  });
});
