import { describe, expect, it } from 'vitest';
import { canonicalJson, quoteJsonString, sortKeys } from './canonical-json.js';

/** The original, obviously-correct canonical form the fast one must equal. */
function referenceCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(referenceCanonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${referenceCanonical(v)}`).join(',')}}`;
}

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function* pseudoRandom(seed: number): Generator<number> {
  for (let state = seed; ;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    yield state / 2147483648;
  }
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });

  it('equals the straightforward definition on awkward values', () => {
    const samples: unknown[] = [
      { é: 1, e: 2, E: 3, '😀': [null, true, false, 0, -1.5e-7, 'a"b\\c\n'], '': {} },
      [[], {}, [{}], 'ü', 1e21, 9007199254740991],
      { z: { y: { x: { w: [1, 2, { b: 1, a: 2 }] } } }, aa: 'x', a: 'y' },
      { 10: 'a', 9: 'b', 1: 'c', x1: 'd', '01': 'e' },
      [-0, NaN, Infinity, -Infinity, 5e-324, 0.1 + 0.2, 1e-7, 123456789012345680000],
      ['\u0000\u001f\u007f', '\u2028\u2029', '😀', '\ud83d', 'x\ude00y', '\ud83d\ude00\ud83d', 'tab\there', '/'],
    ];
    for (const sample of samples) expect(canonicalJson(sample)).toBe(referenceCanonical(sample));
  });

  it('sorts objects with many keys, in any initial order, like the default sort', () => {
    const random = pseudoRandom(7);
    for (const size of [2, 5, 24, 25, 100]) {
      const keys = Array.from({ length: size }, (_, i) => `k${Math.floor(random.next().value! * 1000)}-${i}`);
      const object = Object.fromEntries(keys.map((key, i) => [key, i]));
      const reversed = Object.fromEntries(
        [...keys]
          .sort()
          .reverse()
          .map((key) => [key, object[key]]),
      );
      expect(canonicalJson(object)).toBe(referenceCanonical(object));
      expect(canonicalJson(reversed)).toBe(canonicalJson(object));
    }
  });

  it('stays canonical when objects of many shapes share a first key, in turn and in any insertion order', () => {
    const random = pseudoRandom(3);
    const shapes = Array.from({ length: 20 }, (_, shape) => [
      'id',
      ...Array.from({ length: 1 + (shape % 5) }, (_, i) => `k${shape}-${i}`),
    ]);
    for (let round = 0; round < 3; round += 1) {
      for (const keys of shapes) {
        const shuffled = [keys[0]!, ...keys.slice(1).sort(() => random.next().value! - 0.5)];
        const object = Object.fromEntries(
          shuffled.map((key, i) => [key, i % 3 === 0 ? undefined : { [key]: i, a: [key] }]),
        );
        expect(canonicalJson(object)).toBe(referenceCanonical(object));
      }
    }
  });

  it('converts values with toJSON as JSON.stringify does', () => {
    expect(canonicalJson({ at: new Date('2026-01-01T00:00:00.000Z') })).toBe('{"at":"2026-01-01T00:00:00.000Z"}');
  });

  it('refuses bigint and functions', () => {
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(/function/);
  });
});

describe('quoteJsonString', () => {
  it('equals JSON.stringify for every code unit', () => {
    const differing: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit += 1) {
      const text = `a${String.fromCharCode(unit)}b`;
      if (quoteJsonString(text) !== JSON.stringify(text)) differing.push(unit);
    }
    expect(differing).toEqual([]);
  });
});

describe('sortKeys', () => {
  it('orders like Array.prototype.sort, short and long', () => {
    const random = pseudoRandom(11);
    for (const size of [0, 1, 2, 3, 8, 24, 25, 60]) {
      const keys = Array.from({ length: size }, () =>
        String.fromCharCode(...Array.from({ length: 3 }, () => 0x20 + Math.floor(random.next().value! * 0x2000))),
      );
      expect(sortKeys([...keys])).toEqual([...keys].sort());
    }
  });
});
