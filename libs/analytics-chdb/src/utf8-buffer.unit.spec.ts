import { describe, expect, it } from 'vitest';
import { Utf8Buffer } from './utf8-buffer.js';

describe('Utf8Buffer', () => {
  it('holds exactly the UTF-8 of everything appended, across growth', () => {
    const buffer = new Utf8Buffer(4);
    const parts = ['ascii ', '华为云 ', 'ünïcödé ', '🚀\n', 'x'.repeat(1000), '\u2028'];
    for (const part of parts) buffer.append(part);
    expect(buffer.bytes().toString('utf8')).toBe(parts.join(''));
    expect(buffer.byteLength).toBe(Buffer.byteLength(parts.join('')));
  });

  it('is empty until something is appended', () => {
    expect(new Utf8Buffer().bytes()).toHaveLength(0);
  });
});
