import { describe, expect, it } from 'vitest';
import { splitLines, type RawLine } from './line-splitter.js';

async function* chunks(...parts: (string | Buffer)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
}

async function all(source: AsyncIterable<Uint8Array>, max?: number): Promise<RawLine[]> {
  const lines: RawLine[] = [];
  for await (const line of splitLines(source, max)) lines.push(line);
  return lines;
}

describe('splitLines', () => {
  it('splits across chunk boundaries, strips CR, skips blank lines but counts them', async () => {
    const lines = await all(chunks('{"a":1}\r\n{"b"', ':2}\n\n', '{"c":"华为"}'));
    expect(lines).toEqual([
      { kind: 'text', lineNumber: 1, text: '{"a":1}', byteLength: 8 },
      { kind: 'text', lineNumber: 2, text: '{"b":2}', byteLength: 7 },
      { kind: 'text', lineNumber: 4, text: '{"c":"华为"}', byteLength: 14 },
    ]);
  });

  it('reports a line over the cap by its length without keeping it, and goes on', async () => {
    const lines = await all(chunks('x'.repeat(40), 'y'.repeat(40), '\nok\n'), 50);
    expect(lines).toEqual([
      { kind: 'too_long', lineNumber: 1, byteLength: 80 },
      { kind: 'text', lineNumber: 2, text: 'ok', byteLength: 2 },
    ]);
  });

  it('reports invalid UTF-8 instead of replacing it', async () => {
    const lines = await all(chunks(Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]), 'fine\n'));
    expect(lines.map((l) => l.kind)).toEqual(['invalid_utf8', 'text']);
    expect(lines[0]).toMatchObject({ lineNumber: 1 });
  });
});
