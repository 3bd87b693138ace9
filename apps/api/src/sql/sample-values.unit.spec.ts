import { describe, expect, it } from 'vitest';
import { sampleValues } from './sample-values.js';

describe('sampleValues', () => {
  it('keeps up to three distinct non-empty values per column, as text', () => {
    const rows = [
      { a: 'x', b: 1, c: '' },
      { a: 'x', b: 2, c: null },
      { a: 'y', b: 3 },
      { a: 'z', b: 4 },
    ];
    expect(Object.fromEntries(sampleValues(['a', 'b', 'c'], rows))).toEqual({
      a: ['x', 'y', 'z'],
      b: ['1', '2', '3'],
      c: [],
    });
  });

  it('cuts a long value at 60 characters, never inside a surrogate pair', () => {
    const long = '𠀀'.repeat(100);
    const [sample] = sampleValues(['a'], [{ a: long }]).get('a')!;
    expect(sample).toBe(`${'𠀀'.repeat(60)}…`);
    expect(sampleValues(['a'], [{ a: ['p', 'q'] }]).get('a')).toEqual(['["p","q"]']);
  });
});
