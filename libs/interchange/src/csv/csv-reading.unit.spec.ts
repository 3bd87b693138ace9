import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvRecords, CsvSyntaxError, type CsvRecord } from './csv-records.js';
import {
  CsvEncodingError,
  decodeChunks,
  detectEncoding,
  parseCsvEncoding,
  type SupportedEncoding,
} from './text-decoding.js';

/** Bytes as the file holds them, split into chunks at the given byte offsets (a character may be cut). */
async function* bytesIn(bytes: Buffer, ...cuts: number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(start, cut);
    start = cut;
  }
}

async function records(bytes: Buffer, encoding = detectEncoding(bytes), ...cuts: number[]): Promise<CsvRecord[]> {
  const texts = async function* () {
    for await (const chunk of decodeChunks(bytesIn(bytes, ...cuts), encoding, 'sheet.csv')) yield chunk.text;
  };
  const out: CsvRecord[] = [];
  for await (const record of csvRecords(texts(), 'sheet.csv')) out.push(record);
  return out;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const sheet = ['顾问,日期,工时', '王伟,2025-02-03,6.5', '"李, 娜","2025-02-04","4"'];

describe('CSV as spreadsheet programs save it', () => {
  it('Excel "CSV UTF-8": a byte-order mark and CRLF', async () => {
    const bytes = Buffer.concat([BOM, utf8(sheet.join('\r\n') + '\r\n')]);
    expect(detectEncoding(bytes)).toBe('utf-8');
    expect(await records(bytes)).toEqual([
      { line: 1, fields: ['顾问', '日期', '工时'] },
      { line: 2, fields: ['王伟', '2025-02-03', '6.5'] },
      { line: 3, fields: ['李, 娜', '2025-02-04', '4'] },
    ]);
  });

  it('Excel "CSV" in a Chinese locale: GBK bytes, read with --encoding gb18030, a character cut between chunks kept whole', async () => {
    const bytes = iconv.encode(sheet.join('\r\n') + '\r\n', 'gbk');
    const records_ = await records(bytes, parseCsvEncoding('GB18030') as SupportedEncoding, 1, 9);
    expect(records_.map((record) => record.fields[0])).toEqual(['顾问', '王伟', '李, 娜']);
  });

  it('the same GBK file without --encoding is refused, naming the line and the option, never decoded to U+FFFD', async () => {
    const bytes = iconv.encode(`consultant,date,hours\r\nc1,2025-02-03,6\r\n${sheet[1]}\r\n`, 'gbk');
    const error = await records(bytes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CsvEncodingError);
    expect((error as Error).message).toMatch(
      /sheet\.csv: line 3 is not valid UTF-8.*nothing was imported.*--encoding gb18030/,
    );
  });

  it('LibreOffice and Numbers: UTF-8 without a mark, LF, a quoted field holding commas, quotes and line breaks', async () => {
    const bytes = utf8('id,note\n1,"first line\nsecond, with ""quotes"""\n\n2,plain\n');
    expect(await records(bytes)).toEqual([
      { line: 1, fields: ['id', 'note'] },
      { line: 2, fields: ['1', 'first line\nsecond, with "quotes"'] },
      { line: 5, fields: ['2', 'plain'] },
    ]);
  });

  it('classic Mac Excel: lines ending in CR alone; rows of empty cells at the end are skipped', async () => {
    expect(await records(utf8('a,b\r1,2\r3,4\r,\r,\r'))).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('Excel "Unicode Text" style UTF-16LE with its byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\r\n张,1\r\n', 'utf16le')]);
    expect(detectEncoding(bytes)).toBe('utf-16le');
    expect(await records(bytes)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['张', '1'] },
    ]);
  });
});

describe('CSV that is not well-formed refuses the whole file', () => {
  it.each([
    ['a stray quote inside a field', 'a,b\nx"y,z\n1,2\n', 2, /a quote inside a field/],
    ['text after a closing quote', 'a,b\n1,2\n"x"y,z\n', 3, /text after the closing quote/],
    ['a quote never closed: found at the end', 'a,b\n1,2\n"open,3\n4,5\n', 4, /never closed/],
  ])('%s', async (_name, text, line, reason) => {
    const error = await records(utf8(text)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as Error).message).toMatch(new RegExp(`at line ${line}:`));
    expect((error as Error).message).toMatch(reason);
  });

  it('a U+FFFD already in a UTF-8 file (an earlier lossy conversion) is refused too', async () => {
    await expect(records(utf8('a,b\n1,caf\ufffd\n'))).rejects.toThrow(/line 2 .*U\+FFFD/);
  });

  it('a multi-byte character cut off by the end of the file is refused', async () => {
    await expect(records(Buffer.concat([utf8('a,b\n1,'), utf8('张').subarray(0, 2)]))).rejects.toThrow(
      /line 2 is not valid UTF-8/,
    );
  });
});

describe('--encoding', () => {
  it('takes auto or any encoding the decoder knows, case-insensitively', () => {
    expect(parseCsvEncoding('auto')).toBe('auto');
    expect(parseCsvEncoding('GBK')).toBe('gbk');
    expect(() => parseCsvEncoding('klingon')).toThrow(/--encoding klingon: not an encoding.*gb18030/);
  });
});
