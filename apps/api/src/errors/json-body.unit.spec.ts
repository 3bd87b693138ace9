import { gzipSync, unzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { bodyRefusalStatus, MAX_JSON_DEPTH, verifyJsonBody } from './json-body.js';

const verify =
  (body: string, encoding = 'utf-8') =>
  () =>
    verifyJsonBody(undefined as never, undefined as never, Buffer.from(body), encoding);
const statusOf = (check: () => void) => {
  try {
    check();
  } catch (error) {
    return bodyRefusalStatus(error);
  }
  return 'accepted';
};

describe('JSON bodies refused before parsing', () => {
  it('refuses another charset with 415', () => {
    expect(statusOf(verify('{"sql":"SELECT 1"}', 'latin1'))).toBe(415);
    expect(statusOf(verify('{"sql":"SELECT 1"}', 'utf-8'))).toBe('accepted');
  });

  it('refuses 10,000 nested arrays with 400, but not brackets inside strings', () => {
    expect(statusOf(verify(`${'['.repeat(10_000)}${']'.repeat(10_000)}`))).toBe(400);
    expect(statusOf(verify(`{"sql":"${'['.repeat(10_000)}\\"{"}`))).toBe('accepted');
    expect(statusOf(verify(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`))).toBe('accepted');
  });

  it('answers 400 for a body that is not in the content-encoding it claims', () => {
    expect(statusOf(() => unzipSync(Buffer.from('{"sql":"SELECT 1"}')))).toBe(400);
    expect(statusOf(() => unzipSync(gzipSync('{}')))).toBe('accepted');
  });

  it('answers 400 to a body that is not in the content-encoding it claims, gzip or brotli', () => {
    for (const decode of [
      () => gunzipSync(Buffer.from('{"a":1}')),
      () => brotliDecompressSync(Buffer.from('{"a":1}')),
    ]) {
      expect(statusOf(decode)).toBe(400);
    }
  });
});
