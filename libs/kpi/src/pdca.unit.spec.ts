import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCE } from './definition-values.js';
import { ragStatus, signedVariance, trend } from './pdca.js';

describe('signedVariance', () => {
  it('is positive when better, for every direction', () => {
    expect(signedVariance(0.6, 0.5, 'up')).toBeCloseTo(0.2);
    expect(signedVariance(40, 50, 'down')).toBeCloseTo(0.2);
    expect(signedVariance(0.9, 0.8, 'target')).toBeCloseTo(-0.125);
    expect(signedVariance(0.7, 0.8, 'target')).toBeCloseTo(-0.125);
  });
  it('is null without data, without a target, for a zero target and for context KPIs', () => {
    expect(signedVariance(null, 0.5, 'up')).toBeNull();
    expect(signedVariance(0.5, null, 'up')).toBeNull();
    expect(signedVariance(0.5, 0, 'up')).toBeNull();
    expect(signedVariance(0.5, 0.4, 'context')).toBeNull();
  });
});

describe('ragStatus', () => {
  it('uses the default bands: green within 5 %, amber within 15 %', () => {
    expect(ragStatus(0.3, 'up', DEFAULT_TOLERANCE)).toBe('green');
    expect(ragStatus(-0.05, 'up', DEFAULT_TOLERANCE)).toBe('green');
    expect(ragStatus(-0.0501, 'up', DEFAULT_TOLERANCE)).toBe('amber');
    expect(ragStatus(-0.15, 'down', DEFAULT_TOLERANCE)).toBe('amber');
    expect(ragStatus(-0.16, 'down', DEFAULT_TOLERANCE)).toBe('red');
    expect(ragStatus(null, 'up', DEFAULT_TOLERANCE)).toBe('no_data');
    expect(ragStatus(null, 'context', DEFAULT_TOLERANCE)).toBe('context');
  });
});

describe('trend', () => {
  it('judges the change by direction, with a flat band', () => {
    expect(trend(0.6, 0.5, 'up')).toBe('improving');
    expect(trend(0.6, 0.5, 'down')).toBe('worsening');
    expect(trend(0.5, 0.501, 'up')).toBe('flat');
    expect(trend(0.75, 0.9, 'target', 0.8)).toBe('improving');
    expect(trend(0.6, 0.75, 'target', 0.8)).toBe('worsening');
    expect(trend(0.5, null, 'up')).toBe('no_data');
  });
});
