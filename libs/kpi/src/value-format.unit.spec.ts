import { describe, expect, it } from 'vitest';
import { formatKpiValue, formatStatus, formatTarget } from './value-format.js';

describe('formatKpiValue', () => {
  it('says "no data" for null, never 0, whatever the unit', () => {
    for (const unit of ['ratio', 'percent', 'money', 'count', 'hours', 'days', 'score'])
      expect(formatKpiValue(null, unit)).toBe('no data');
  });

  it('shows a ratio as a percentage and a percent as it is', () => {
    expect(formatKpiValue(0, 'ratio')).toBe('0.0 %');
    expect(formatKpiValue(0.3456, 'ratio')).toBe('34.6 %');
    expect(formatKpiValue(23.45, 'percent')).toBe('23.4 %'); // binary 23.45 is just below .45
    expect(formatKpiValue(-4, 'percent')).toBe('-4.0 %');
  });

  it('shows money in whole units with thousands separators', () => {
    expect(formatKpiValue(1234567.8, 'money')).toBe('1,234,568');
  });

  it('shows a mean count with two decimals, hours and scores with one', () => {
    expect(formatKpiValue(1.25, 'count')).toBe('1.25');
    expect(formatKpiValue(2, 'count')).toBe('2.00');
    expect(formatKpiValue(36.04, 'hours')).toBe('36.0');
    expect(formatKpiValue(4.25, 'score')).toBe('4.3');
    expect(formatKpiValue(12.34, 'days')).toBe('12.3');
  });

  it('reads a missing target as none and no_data as "no data"', () => {
    expect([formatTarget(null, 'ratio'), formatTarget(0.35, 'ratio')]).toEqual(['—', '35.0 %']);
    expect([formatStatus('no_data'), formatStatus('context'), formatStatus('amber')]).toEqual([
      'no data',
      'not judged',
      'amber',
    ]);
  });

  it('shows a unit it does not know as a plain number', () => {
    expect(formatKpiValue(3.14159, 'furlongs')).toBe('3.1');
    expect(formatKpiValue(3.14159, 'toString')).toBe('3.1');
  });
});
