import { describe, expect, it } from 'vitest';
import { GrowOnlyMap } from './grow-only-map.js';
import { GrowOnlySet } from './grow-only-set.js';

const contents = <K, V>(map: GrowOnlyMap<K, V>) => [...map];

describe('GrowOnlyMap', () => {
  it('adds and replaces in a new version, leaving the old one as it was', () => {
    const empty = GrowOnlyMap.empty<string, number>();
    const one = empty.with('a', 1);
    const two = one.with('b', 2);
    const replaced = two.with('a', 10);
    expect(contents(replaced)).toEqual([
      ['a', 10],
      ['b', 2],
    ]);
    expect(contents(two)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(contents(one)).toEqual([['a', 1]]);
    expect(empty.size).toBe(0);
    expect(empty.has('a')).toBe(false);
    expect(replaced.get('a')).toBe(10);
    expect(two.get('a')).toBe(1);
    expect(replaced.size).toBe(2);
  });

  it('keeps every version of a branching lineage, in insertion order, whichever was used last', () => {
    const base = GrowOnlyMap.of([['x', 0]])
      .with('a', 1)
      .with('b', 2);
    const left = base.with('c', 3).with('a', 11);
    const right = base.with('d', 4);
    const rightAgain = right.with('c', 30);
    for (let round = 0; round < 2; round += 1) {
      expect(contents(left)).toEqual([
        ['x', 0],
        ['a', 11],
        ['b', 2],
        ['c', 3],
      ]);
      expect(contents(rightAgain)).toEqual([
        ['x', 0],
        ['a', 1],
        ['b', 2],
        ['d', 4],
        ['c', 30],
      ]);
      expect(contents(base)).toEqual([
        ['x', 0],
        ['a', 1],
        ['b', 2],
      ]);
      expect(contents(right)).toEqual([
        ['x', 0],
        ['a', 1],
        ['b', 2],
        ['d', 4],
      ]);
      expect([...left.keys()]).toEqual(['x', 'a', 'b', 'c']);
      expect([...right.values()]).toEqual([0, 1, 2, 4]);
    }
  });

  it('iterates a snapshot, unaffected by using another version meanwhile', () => {
    const old = GrowOnlyMap.empty<string, number>().with('a', 1);
    const newer = old.with('b', 2);
    const seen: string[] = [];
    for (const [key] of newer) {
      seen.push(key);
      expect(old.has('b')).toBe(false); // reroots the lineage to `old` mid-iteration
    }
    expect(seen).toEqual(['a', 'b']);
  });

  it('reroots a lineage of many thousand versions without deep recursion', () => {
    let map = GrowOnlyMap.empty<number, number>();
    const first = map.with(0, 0);
    map = first;
    for (let i = 1; i < 50_000; i += 1) map = map.with(i, i);
    expect(first.size).toBe(1);
    expect(map.get(49_999)).toBe(49_999);
    expect(map.size).toBe(50_000);
  });

  it('is a plain object as JSON', () => {
    expect(JSON.stringify({ m: GrowOnlyMap.empty<string, number>().with('b', 1).with('a', 2) })).toBe(
      '{"m":{"b":1,"a":2}}',
    );
  });
});

describe('GrowOnlySet', () => {
  it('adds in a new version, leaving the old one as it was; adding a member again changes nothing', () => {
    const one = GrowOnlySet.empty<string>().with('a');
    const two = one.with('b');
    expect([...two]).toEqual(['a', 'b']);
    expect([...one]).toEqual(['a']);
    expect(two.with('a')).toBe(two);
    expect(two.has('b') && !one.has('b')).toBe(true);
    expect(two.size).toBe(2);
    expect(JSON.stringify(two)).toBe('["a","b"]');
  });
});
