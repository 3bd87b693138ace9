import { describe, expect, it } from 'vitest';
import { KPI_CATALOG } from './catalog/index.js';
import {
  countsFor,
  decimalText,
  DEFAULT_TOLERANCE,
  defaultTargetOf,
  overrideTargetOf,
  toleranceOf,
  weightOf,
} from './definition-values.js';

const winRate = KPI_CATALOG.find((d) => d.id === 'win_rate')!;
const bidRate = KPI_CATALOG.find((d) => d.id === 'bid_rate')!;
const withOverrides = {
  ...winRate,
  projectTypeOverrides: { strategic: { weight: '4.5', target: '0.5' }, service: { counts: false } },
};

describe('the numbers of a definition', () => {
  it('reads the decimal target, and none for a context KPI', () => {
    expect(defaultTargetOf(winRate)).toBe(0.35);
    expect(defaultTargetOf(bidRate)).toBeNull();
  });

  it('reads the percent bands as fractions', () => {
    expect(toleranceOf({ tolerance: { greenPct: '2.5', amberPct: '10' } })).toEqual({ green: 0.025, amber: 0.1 });
    expect(toleranceOf(winRate)).toEqual(DEFAULT_TOLERANCE);
    expect(DEFAULT_TOLERANCE).toEqual({ green: 0.05, amber: 0.15 });
  });

  it("takes a project type's own weight and target where its override names them", () => {
    expect(weightOf(withOverrides)).toBe(3);
    expect(weightOf(withOverrides, 'strategic')).toBe(4.5);
    expect(weightOf(withOverrides, 'product')).toBe(3);
    expect(overrideTargetOf(withOverrides, 'strategic')).toBe(0.5);
    expect(overrideTargetOf(withOverrides, 'service')).toBeUndefined();
    expect(overrideTargetOf(withOverrides)).toBeUndefined();
  });

  it('leaves a KPI out of the composite only of a project type that says so', () => {
    expect(countsFor(withOverrides, 'service')).toBe(false);
    expect(countsFor(withOverrides, 'strategic')).toBe(true);
    expect(countsFor(withOverrides)).toBe(true);
  });

  it('writes a number back as decimal text of at most 6 decimals', () => {
    expect(decimalText(0.1 + 0.2)).toBe('0.3');
    expect(decimalText(5_000_000)).toBe('5000000');
    expect(decimalText(1 / 3)).toBe('0.333333');
  });
});
