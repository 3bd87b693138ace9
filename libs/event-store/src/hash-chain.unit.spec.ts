import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { eventHash, GENESIS_HASH, hashCanonicalEvent, hashCanonicalEventForStorage } from './hash-chain.js';
import { chainedEvents as chain } from './testing/chain-fixture.js';

describe('event hash', () => {
  it('assembled from canonical parts equals the hash of the canonical whole', () => {
    const metadata = {
      occurredAt: '2026-01-01T00:00:00Z',
      recordedAt: '2026-01-01T00:00:01Z',
      actor: { id: 'u', role: 'admin' as const },
      schemaVersion: 1,
      prevHash: GENESIS_HASH,
    };
    const event = {
      streamId: 'tender-"1"',
      revision: 7n,
      type: 'Tender"Received',
      data: { b: [1, { d: 2, c: 3 }], a: 'ü' },
      metadata,
    };
    const whole = canonicalJson({
      streamId: event.streamId,
      revision: 7,
      type: event.type,
      data: event.data,
      metadata,
    });
    const expected = createHash('sha256').update(GENESIS_HASH).update(whole).digest('hex');
    expect(eventHash(event)).toBe(expected);
    expect(
      hashCanonicalEvent(
        GENESIS_HASH,
        event.streamId,
        7n,
        event.type,
        canonicalJson(event.data),
        canonicalJson(metadata),
      ),
    ).toBe(expected);
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
    expect(eventHash({ ...recorded, metadata: { ...recorded.metadata, hash: 'anything' } })).toBe(
      recorded.metadata.hash,
    );
    expect(eventHash({ ...recorded, data: { hash: 'x' } })).not.toBe(eventHash({ ...recorded, data: {} }));
  });
});

describe('hashCanonicalEventForStorage', () => {
  it('gives the hash of hashCanonicalEvent and the very texts it was given', () => {
    const data = canonicalJson({ b: [1, { d: 2, c: 3 }], a: 'ü😀"' });
    const metadata = canonicalJson({
      occurredAt: '2026-01-01T00:00:00Z',
      prevHash: GENESIS_HASH,
      recordedAt: '2026-01-01T00:00:01Z',
    });
    for (const prevHash of [GENESIS_HASH, 'a'.repeat(64), 'short']) {
      const stored = hashCanonicalEventForStorage(prevHash, 'tender-"1"', 7n, 'Tender"Received', data, metadata);
      expect(stored).toEqual({
        hash: hashCanonicalEvent(prevHash, 'tender-"1"', 7n, 'Tender"Received', data, metadata),
        canonicalData: data,
        canonicalMetadata: metadata,
      });
    }
  });

  it('hashes the stream id and type of each event, when consecutive calls change them', () => {
    const data = canonicalJson({ a: 1 });
    const metadata = canonicalJson({ prevHash: GENESIS_HASH });
    const calls = [
      ['s-1', 'A'],
      ['s-1', 'A'],
      ['s-1', 'B'],
      ['s-2', 'B'],
      ['s-"3"', 'A'],
      ['', ''],
      ['s-1', 'A'],
    ] as const;
    for (const [streamId, type] of calls) {
      const whole = `${GENESIS_HASH}{"data":${data},"metadata":${metadata},"revision":4,"streamId":${JSON.stringify(streamId)},"type":${JSON.stringify(type)}}`;
      expect(hashCanonicalEventForStorage(GENESIS_HASH, streamId, 4, type, data, metadata).hash).toBe(
        createHash('sha256').update(whole).digest('hex'),
      );
    }
  });
});
