import { describe, expect, it } from 'vitest';
import {
  formatPeriod,
  parsePeriod,
  periodBounds,
  periodContaining,
  periodsBetween,
  periodsSpanned,
  previousPeriod,
  PeriodFormatError,
  shiftPeriod,
} from './period.js';

describe('periods', () => {
  it('parses and formats months and quarters', () => {
    expect(parsePeriod('2026-03')).toEqual({ grain: 'month', year: 2026, month: 3 });
    expect(parsePeriod('2026-Q4')).toEqual({ grain: 'quarter', year: 2026, quarter: 4 });
    expect(formatPeriod(parsePeriod('2026-Q4'))).toBe('2026-Q4');
    // Years before 1970 too: Date.UTC reads 0099 as 1999, and business times are unsigned epoch ms.
    for (const bad of ['2026-13', '2026-Q5', '26-01', '2026-1', 'March', '0099-03', '1969-Q4'])
      expect(() => parsePeriod(bad)).toThrow(PeriodFormatError);
  });

  it('gives half-open UTC bounds', () => {
    expect(periodBounds(parsePeriod('2026-12'))).toEqual({
      start: new Date('2026-12-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    });
    expect(periodBounds(parsePeriod('2026-Q1'))).toEqual({
      start: new Date('2026-01-01T00:00:00Z'),
      end: new Date('2026-04-01T00:00:00Z'),
    });
  });

  it('steps across year boundaries', () => {
    expect(formatPeriod(previousPeriod(parsePeriod('2026-01')))).toBe('2025-12');
    expect(formatPeriod(previousPeriod(parsePeriod('2026-Q1')))).toBe('2025-Q4');
    expect(formatPeriod(shiftPeriod(parsePeriod('2025-11'), 14))).toBe('2027-01');
  });

  it('finds the period of an instant and lists a range', () => {
    expect(formatPeriod(periodContaining(new Date('2026-05-31T23:59:59Z'), 'quarter'))).toBe('2026-Q2');
    expect(periodsBetween(new Date('2025-11-15Z'), new Date('2026-02-01Z'), 'month').map(formatPeriod)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(() => periodsBetween(new Date('2026-01-01Z'), new Date('1900-01-01Z'), 'month')).toThrow(RangeError);
  });

  it('counts the periods a range spans, as periodsBetween lists them', () => {
    const [from, to] = [new Date('2025-11-15Z'), new Date('2026-02-01Z')];
    expect(periodsSpanned(from, to, 'month')).toBe(periodsBetween(from, to, 'month').length);
    expect(periodsSpanned(from, to, 'quarter')).toBe(periodsBetween(from, to, 'quarter').length);
    expect(periodsSpanned(new Date('1900-01-01Z'), new Date('2026-01-01Z'), 'month')).toBe(1513);
  });
});
