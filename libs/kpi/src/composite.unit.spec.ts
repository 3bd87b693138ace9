import { describe, expect, it } from 'vitest';
import { attainment, composite } from './composite.js';

describe('attainment', () => {
  it('is actual ÷ target, inverted when lower is better, capped at 1.2', () => {
    expect(attainment(0.4, 0.5, 'up')).toBeCloseTo(0.8);
    expect(attainment(25, 20, 'down')).toBeCloseTo(0.8);
    expect(attainment(1, 0.5, 'up')).toBe(1.2);
    expect(attainment(0, 10, 'down')).toBe(1.2);
    expect(attainment(0.9, 0.8, 'target')).toBeCloseTo(0.8 / 0.9);
    expect(attainment(null, 1, 'up')).toBeNull();
    expect(attainment(1, 1, 'context')).toBeNull();
  });
});

describe('composite', () => {
  it('is the weighted mean when no board is short', () => {
    const result = composite([
      { kpiId: 'a', weight: 2, attainment: 1 },
      { kpiId: 'b', weight: 1, attainment: 0.85 },
    ]);
    expect(result.score).toBeCloseTo(0.95);
    expect(result.shortBoard).toBeNull();
  });

  it('never exceeds the weakest attainment + 0.25 (无短板原则)', () => {
    const result = composite([
      { kpiId: 'strong', weight: 5, attainment: 1.2 },
      { kpiId: 'weak', weight: 1, attainment: 0.3 },
    ]);
    expect(result.weightedAverage).toBeCloseTo((5 * 1.2 + 0.3) / 6);
    expect(result.score).toBeCloseTo(0.55);
    expect(result.shortBoard).toEqual({ kpiId: 'weak', attainment: 0.3 });
  });

  it('leaves out KPIs without data and says which', () => {
    expect(composite([{ kpiId: 'x', weight: 1, attainment: null }])).toEqual({
      score: null,
      weightedAverage: null,
      shortBoard: null,
      excluded: ['x'],
    });
    expect(
      composite([
        { kpiId: 'x', weight: 1, attainment: null },
        { kpiId: 'y', weight: 1, attainment: 0.9 },
      ]).excluded,
    ).toEqual(['x']);
  });
});
