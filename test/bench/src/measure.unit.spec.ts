import { describe, expect, it } from 'vitest';
import { percentile } from './measure.js';

/** 1, 2, … n, shuffled: the value is its own rank. */
const ranks = (n: number) => Array.from({ length: n }, (_, index) => index + 1).reverse();

describe('percentile (nearest rank)', () => {
  it('is the value at rank ⌈p·n/100⌉, in whatever order the values come', () => {
    expect(percentile(ranks(100), 50)).toBe(50);
    expect(percentile(ranks(100), 99)).toBe(99);
    expect(percentile(ranks(1600), 99)).toBe(1584);
    expect(percentile(ranks(7), 0)).toBe(1);
    expect(percentile(ranks(7), 100)).toBe(7);
  });

  it('is not pushed one rank up by a fraction that binary floating point cannot hold (99.9 of 1,000 is the 999th)', () => {
    // 99.9 / 100 × 1000 is 999.0000000000001 in floating point, whose ceiling is the largest value.
    expect(percentile(ranks(1000), 99.9)).toBe(999);
    expect(percentile(ranks(3000), 99.9)).toBe(2997);
  });

  it('refuses no values', () => {
    expect(() => percentile([], 99)).toThrow(RangeError);
  });
});
