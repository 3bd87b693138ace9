import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from './envelope.js';
import { canonicalJson, eventHash, GENESIS_HASH, verifyChain } from './hash-chain.js';

function chain(streamId: string, types: string[]): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let prevHash = GENESIS_HASH;
  types.forEach((type, i) => {
    const metadata = { occurredAt: '2026-01-01T00:00:00Z', recordedAt: '2026-01-01T00:00:01Z', actor: { id: 'u', role: 'admin' as const }, schemaVersion: 1, prevHash };
    const hash = eventHash({ streamId, revision: BigInt(i), type, data: { i }, metadata });
    events.push({ id: `e${i}`, type, streamId, revision: BigInt(i), position: BigInt(i + 1), data: { i }, metadata: { ...metadata, hash } });
    prevHash = hash;
  });
  return events;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
  });
  it('refuses bigint', () => {
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint/);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain', () => {
    expect(verifyChain('s-1', chain('s-1', ['A', 'B', 'C']))).toEqual({ ok: true, streamId: 's-1', events: 3 });
  });
  it('reports an edit at its revision', () => {
    const events = chain('s-1', ['A', 'B', 'C']);
    events[1] = { ...events[1]!, data: { i: 99 } };
    expect(verifyChain('s-1', events)).toMatchObject({ ok: false, firstBrokenRevision: 1n, reason: expect.stringMatching(/edited/) });
  });
  it('reports a deletion and a swap', () => {
    const events = chain('s-1', ['A', 'B', 'C']);
    expect(verifyChain('s-1', [events[0]!, events[2]!])).toMatchObject({ ok: false, firstBrokenRevision: 1n });
    const swapped = [events[0]!, { ...events[2]!, revision: 1n }, { ...events[1]!, revision: 2n }];
    expect(verifyChain('s-1', swapped)).toMatchObject({ ok: false, firstBrokenRevision: 1n });
  });
});
