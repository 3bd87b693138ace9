import { describe, expect, it } from 'vitest';
import { correlationIdOf } from './correlation-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('correlationIdOf', () => {
  it.each(['abc', 'req-1.2:3_4', 'A'.repeat(128), '4bf92f3577b34da6a3ce929d0e0e4736'])(
    "keeps the caller's X-Request-Id %s",
    (id) => {
      expect(correlationIdOf({ 'x-request-id': id })).toBe(id);
    },
  );

  it.each([
    ['too long', 'A'.repeat(129)],
    ['10,000 characters', 'a'.repeat(10_000)],
    ['a newline', 'abc\ndef'],
    ['a carriage return', 'abc\rdef'],
    ['a forged JSON line', '{"level":"fatal"}'],
    ['two joined ids', 'one, two'],
    ['a space', 'a b'],
    ['a leading punctuation mark', '-abc'],
    ['beyond ASCII', 'café'],
    ['empty', ''],
  ])('replaces an X-Request-Id with %s by a new UUID', (_, id) => {
    expect(correlationIdOf({ 'x-request-id': id })).toMatch(UUID);
  });

  it('takes the trace id of a well-formed traceparent when there is no usable X-Request-Id', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(correlationIdOf({ traceparent })).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(correlationIdOf({ traceparent, 'x-request-id': 'bad id' })).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(correlationIdOf({ traceparent, 'x-request-id': 'mine' })).toBe('mine');
  });

  it.each([
    ['an all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['an all-zero parent id', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['another version', '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['capital hex', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01'],
    ['a trailing newline', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\n'],
  ])('ignores a traceparent with %s', (_, traceparent) => {
    expect(correlationIdOf({ traceparent })).toMatch(UUID);
  });

  it('gives each request without an id a new one', () => {
    expect(correlationIdOf({})).not.toBe(correlationIdOf({}));
  });
});
