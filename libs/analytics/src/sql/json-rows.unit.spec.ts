import { describe, expect, it } from 'vitest';
import { SqlDecimal, type AnalyticsRow } from '../analytics-store.port.js';
import { toJsonCompactEachRow } from './json-compact-each-row.js';
import { parseJsonEachRow, toJsonEachRow } from './json-each-row.js';

const TRICKY_TEXT = [
  "O'Brien",
  'back\\slash',
  'quote"double',
  'tab\tnew\nline\r',
  '华为云 — ünïcödé 🚀',
  "x'); DROP TABLE events; --",
  'nul\0byte',
  '\u2028\u2029',
  ']\n[1,2]',
  '}\n{"a":1}',
];

const rows: AnalyticsRow[] = TRICKY_TEXT.map((text, i) => ({
  id: text,
  tags: [text, ''],
  amount: new SqlDecimal(`-12345678901234567890.${i}00001`),
  hours: i + 0.5,
  maybe: i % 2 === 0 ? null : i,
}));

describe('JSON row bodies', () => {
  it('JSONEachRow: one object per line that parses back to the row, decimals digit for digit', () => {
    const body = toJsonEachRow(rows);
    expect(body.split('\n')).toHaveLength(rows.length);
    const parsed = parseJsonEachRow<Record<string, unknown>>(body);
    expect(parsed.map(({ amount: _amount, ...rest }) => rest)).toEqual(
      rows.map(({ amount: _amount, ...rest }) => rest),
    );
    expect(body.split('\n')[3]).toContain('"amount":-12345678901234567890.300001,');
  });

  it('JSONCompactEachRow: the first row’s columns, one array per line that parses back to the values', () => {
    const { columns, body } = toJsonCompactEachRow(rows);
    expect(columns).toEqual(['id', 'tags', 'amount', 'hours', 'maybe']);
    const lines = body.split('\n');
    expect(lines).toHaveLength(rows.length);
    lines.forEach((line, i) => {
      const row = rows[i]!;
      expect(JSON.parse(line)).toEqual([row['id'], row['tags'], expect.any(Number), row['hours'], row['maybe']]);
      expect(line).toContain(`,-12345678901234567890.${i}00001,`);
    });
  });

  it('JSONCompactEachRow refuses rows whose columns differ from the first row’s', () => {
    expect(() => toJsonCompactEachRow([{ a: 1, b: 2 }, { a: 1 }])).toThrow(RangeError);
    expect(() =>
      toJsonCompactEachRow([
        { a: 1, b: 2 },
        { a: 1, c: 2 },
      ]),
    ).toThrow(/lacks column b/);
    expect(() => toJsonCompactEachRow([{ a: 1 }, { a: 1, b: 2 }])).toThrow(RangeError);
    expect(() => toJsonCompactEachRow([{}])).toThrow(RangeError);
    expect(toJsonCompactEachRow([])).toEqual({ columns: [], body: '' });
  });

  it('writes non-finite numbers as null, as JSON.stringify does', () => {
    expect(toJsonEachRow([{ a: Number.NaN, b: Number.POSITIVE_INFINITY }])).toBe('{"a":null,"b":null}');
    expect(toJsonCompactEachRow([{ a: Number.NaN, b: -0 }]).body).toBe('[null,0]');
  });
});
