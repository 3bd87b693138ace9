import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, isTextType } from './csv-text.js';
import { exportFileName, exportWriter } from './export-format.js';

const COLUMNS = [
  { name: 'issuer', type: 'String' },
  { name: 'amount', type: 'Decimal(38, 6)' },
  { name: 'ids', type: 'Array(String)' },
  { name: 'note', type: 'Nullable(String)' },
];
const ROWS: unknown[][] = [
  ['Acme, "Intl"', '-12.500000', ['a', 'b'], null],
  ['国家电网\r\n华东', '3', [], '=HYPERLINK("http://x")'],
  [' padded ', '0', ['x'], '@SUM(A1)'],
];

function written(excel: boolean, format: 'csv' | 'json' = 'csv'): string {
  const writer = exportWriter({ format, excel }, COLUMNS);
  return writer.head(COLUMNS) + ROWS.map((row, i) => writer.row(row, i === 0)).join('') + writer.tail;
}

describe('CSV export', () => {
  it('reads back cell for cell with a CSV parser: quotes, commas, line breaks, Chinese, NULL as empty', () => {
    const text = written(false);
    expect(text.startsWith('issuer,amount,ids,note\r\n')).toBe(true);
    expect(parse(text, { relax_column_count: false })).toEqual([
      ['issuer', 'amount', 'ids', 'note'],
      ['Acme, "Intl"', '-12.500000', '["a","b"]', ''],
      ['国家电网\r\n华东', '3', '[]', '=HYPERLINK("http://x")'],
      [' padded ', '0', '["x"]', '@SUM(A1)'],
    ]);
  });

  it('for Excel: starts with a UTF-8 byte-order mark and shows formula-like text, never a negative number, as text', () => {
    const text = written(true);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[1]).toEqual(['Acme, "Intl"', '-12.500000', '["a","b"]', '']);
    expect(rows[2]![3]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[3]![3]).toBe(`'@SUM(A1)`);
  });

  it('knows text columns by their engine type', () => {
    expect(
      [
        'String',
        'Nullable(String)',
        'LowCardinality(String)',
        'LowCardinality(Nullable(String))',
        'FixedString(3)',
      ].every(isTextType),
    ).toBe(true);
    expect(['Decimal(38, 6)', 'Array(String)', "DateTime('UTC')", 'UInt64'].some(isTextType)).toBe(false);
    expect(csvField('-1', true)).toBe("'-1");
    expect(csvField(-1, false)).toBe('-1');
  });
});

describe('JSON export', () => {
  it('is one array of row objects, a row a line', () => {
    const text = written(false, 'json');
    expect(JSON.parse(text)).toEqual(ROWS.map(([issuer, amount, ids, note]) => ({ issuer, amount, ids, note })));
    expect(text.split('\n')).toHaveLength(ROWS.length + 2);
  });

  it('an empty result is an empty array', () => {
    const writer = exportWriter({ format: 'json', excel: false }, COLUMNS);
    expect(JSON.parse(writer.head(COLUMNS) + writer.tail)).toEqual([]);
  });
});

it('names the file by the moment, with nothing a file system refuses', () => {
  expect(exportFileName(new Date('2026-12-06T18:55:02.123Z'), 'csv')).toBe('presales-sql-2026-12-06T18-55-02Z.csv');
});
