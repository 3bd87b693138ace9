import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, eventHash, GENESIS_HASH, hashCanonicalEvent } from './hash-chain.js';
import { chainedEvents as chain } from './testing/chain-fixture.js';

/** The original, obviously-correct canonical form the fast one must equal. */
function referenceCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(referenceCanonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${referenceCanonical(v)}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
  });

  it('equals the straightforward definition on awkward values', () => {
    const samples: unknown[] = [
      { 'é': 1, e: 2, E: 3, '😀': [null, true, false, 0, -1.5e-7, 'a"b\\c\n'], '': {} },
      [[], {}, [{}], 'ü', 1e21, 9007199254740991],
      { z: { y: { x: { w: [1, 2, { b: 1, a: 2 }] } } }, aa: 'x', a: 'y' },
    ];
    for (const sample of samples) expect(canonicalJson(sample)).toBe(referenceCanonical(sample));
  });

  it('converts values with toJSON as JSON.stringify does', () => {
    expect(canonicalJson({ at: new Date('2026-01-01T00:00:00.000Z') })).toBe('{"at":"2026-01-01T00:00:00.000Z"}');
  });

  it('refuses bigint and functions', () => {
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(/function/);
  });
});

describe('event hash', () => {
  it('assembled from canonical parts equals the hash of the canonical whole', () => {
    const metadata = { occurredAt: '2026-01-01T00:00:00Z', recordedAt: '2026-01-01T00:00:01Z', actor: { id: 'u', role: 'admin' as const }, schemaVersion: 1, prevHash: GENESIS_HASH };
    const event = { streamId: 'tender-"1"', revision: 7n, type: 'Tender"Received', data: { b: [1, { d: 2, c: 3 }], a: 'ü' }, metadata };
    const whole = canonicalJson({ streamId: event.streamId, revision: 7, type: event.type, data: event.data, metadata });
    const expected = createHash('sha256').update(GENESIS_HASH).update(whole).digest('hex');
    expect(eventHash(event)).toBe(expected);
    expect(hashCanonicalEvent(GENESIS_HASH, event.streamId, 7n, event.type, canonicalJson(event.data), canonicalJson(metadata))).toBe(expected);
  });

  it('changes with every hashed field', () => {
    const base = chain('s-1', ['A'])[0]!;
    const { hash, ...metadata } = base.metadata;
    const hashable = { streamId: base.streamId, revision: base.revision, type: base.type, data: base.data, metadata };
    expect(eventHash(hashable)).toBe(hash);
    const variants = [
      { ...hashable, streamId: 's-2' },
      { ...hashable, revision: 1n },
      { ...hashable, type: 'B' },
      { ...hashable, data: { i: 1 } },
      { ...hashable, metadata: { ...metadata, recordedAt: '2026-01-01T00:00:02Z' } },
      { ...hashable, metadata: { ...metadata, prevHash: '1'.repeat(64) } },
    ];
    for (const variant of variants) expect(eventHash(variant)).not.toBe(hash);
  });

  it('of a recorded event, as it is, leaves its own hash out (only the top-level member)', () => {
    const recorded = chain('s-1', ['A'])[0]!;
    expect(eventHash(recorded)).toBe(recorded.metadata.hash);
    expect(eventHash({ ...recorded, metadata: { ...recorded.metadata, hash: 'anything' } })).toBe(recorded.metadata.hash);
    expect(eventHash({ ...recorded, data: { hash: 'x' } })).not.toBe(eventHash({ ...recorded, data: {} }));
  });
});
