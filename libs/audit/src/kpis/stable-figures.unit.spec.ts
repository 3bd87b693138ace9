import { describe, expect, it } from 'vitest';
import { roundFigures } from './stable-figures.js';

describe('stable figures', () => {
  it('makes two float sums that differ in their last bits the same figure', () => {
    expect(roundFigures(0.9846680070035172)).toBe(roundFigures(0.9846680070035174));
    expect(roundFigures(-0.015331992996482802)).toBe(roundFigures(-0.01533199299648258));
    expect(roundFigures(0.9846680070035172)).toBe(0.984668007);
  });

  it('keeps integers, nulls and text, at any depth', () => {
    expect(
      roundFigures({ units: 13, actual: null, sql: 'x <= 1751327999000', lines: [{ v: 2 / 3, w: [1e21, 1 / 3] }] }),
    ).toEqual({
      units: 13,
      actual: null,
      sql: 'x <= 1751327999000',
      lines: [{ v: 0.6666666667, w: [1e21, 0.3333333333] }],
    });
  });
});
