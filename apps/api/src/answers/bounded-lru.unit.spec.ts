import { describe, expect, it } from 'vitest';
import { BoundedLru } from './bounded-lru.js';

describe('BoundedLru', () => {
  it('evicts the least recently used entry beyond its entry count, a read counting as a use', () => {
    const lru = new BoundedLru<number>(2, 1000);
    lru.set('a', 1, 1);
    lru.set('b', 2, 1);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3, 1);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
    expect(lru.size).toBe(2);
  });

  it('evicts the oldest entries until the bytes held are within the bound', () => {
    const lru = new BoundedLru<string>(100, 10);
    lru.set('a', 'x', 4);
    lru.set('b', 'y', 4);
    lru.set('c', 'z', 4);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([undefined, 'y', 'z']);
    expect(lru.bytes).toBe(8);
  });

  it('keeps no value larger than its whole bound, and replaces a key without counting it twice', () => {
    const lru = new BoundedLru<string>(10, 10);
    lru.set('a', 'small', 3);
    lru.set('huge', 'h', 11);
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.get('a')).toBe('small');
    lru.set('a', 'again', 5);
    expect(lru.bytes).toBe(5);
    lru.delete('a');
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
  });

  it('refuses a bound below one', () => {
    expect(() => new BoundedLru(0, 10)).toThrow(RangeError);
    expect(() => new BoundedLru(10, 0)).toThrow(RangeError);
  });
});
