import { describe, expect, it } from 'vitest';
import { sqlIdentifier, sqlValue, toSqlDateTime } from './escape.js';

describe('sqlValue', () => {
  it('quotes and escapes strings', () => {
    expect(sqlValue("O'Brien")).toBe("'O\\'Brien'");
    expect(sqlValue('a\\b')).toBe("'a\\\\b'");
    expect(sqlValue('line\nbreak\ttab\0nul')).toBe("'line\\nbreak\\ttab\\0nul'");
    expect(sqlValue('华为 — ünïcödé 🚀')).toBe("'华为 — ünïcödé 🚀'");
    expect(sqlValue("x'); DROP TABLE events; --")).toBe("'x\\'); DROP TABLE events; --'");
  });
  it('renders numbers, bigints, booleans, null and dates', () => {
    expect(sqlValue(42)).toBe('42');
    expect(sqlValue(-1.5)).toBe('-1.5');
    expect(sqlValue(2n ** 64n - 1n)).toBe('18446744073709551615');
    expect(sqlValue(true)).toBe('1');
    expect(sqlValue(null)).toBe('NULL');
    expect(sqlValue(new Date('2026-03-01T09:30:15.250Z'))).toBe("'2026-03-01 09:30:15'");
  });
  it('refuses non-finite numbers', () => {
    expect(() => sqlValue(Number.NaN)).toThrow(/not a finite number/);
    expect(() => sqlValue(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('sqlIdentifier', () => {
  it('accepts plain names and refuses anything else', () => {
    expect(sqlIdentifier('tenders_v2')).toBe('tenders_v2');
    for (const bad of ['', '1abc', 'a b', 'a;drop', 'a`b', 'x'.repeat(129)])
      expect(() => sqlIdentifier(bad)).toThrow(RangeError);
  });
});

describe('toSqlDateTime', () => {
  it('formats in UTC and refuses garbage', () => {
    expect(toSqlDateTime('2026-03-01T23:59:59+08:00')).toBe('2026-03-01 15:59:59');
    expect(() => toSqlDateTime('soon')).toThrow(/not a time/);
  });
});
