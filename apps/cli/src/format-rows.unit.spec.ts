import { describe, expect, it } from 'vitest';
import { displayWidth, formatCsv, formatTable } from './format-rows.js';

const columns = [
  { name: 'issuer', type: 'String' },
  { name: 'tenders', type: 'UInt64' },
];

describe('formatTable', () => {
  it('aligns text left and numbers right under a rule', () => {
    expect(
      formatTable(columns, [
        { issuer: 'City', tenders: 12 },
        { issuer: 'Ministry of Finance', tenders: 3 },
      ]),
    ).toBe(
      [
        'issuer               tenders',
        '-------------------  -------',
        'City                      12',
        'Ministry of Finance        3',
      ].join('\n'),
    );
  });
  it('aligns Chinese text by the columns a terminal gives it, two a character', () => {
    const table = formatTable(
      [
        { name: 'name', type: 'String' },
        { name: 'next', type: 'String' },
      ],
      [
        { name: 'Defined 已定义级', next: 'a' },
        { name: 'Initial', next: 'b' },
      ],
    );
    expect(table).toBe(
      ['name              next', '----------------  ----', 'Defined 已定义级  a', 'Initial           b'].join('\n'),
    );
    expect(displayWidth('Defined 已定义级')).toBe(16);
  });

  it('shows NULL and nested values', () => {
    expect(formatTable([{ name: 'x', type: 'Nullable(String)' }], [{ x: null }, { x: [1, 2] }])).toBe(
      'x\n-----\nNULL\n[1,2]',
    );
  });
});

describe('formatCsv', () => {
  it('quotes only fields that need it, doubling quotes', () => {
    expect(
      formatCsv(columns, [
        { issuer: 'Acme, "Intl"', tenders: 1 },
        { issuer: 'Plain', tenders: 2 },
      ]),
    ).toBe('issuer,tenders\r\n"Acme, ""Intl""",1\r\nPlain,2');
  });
});
