import { hash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventHash, GENESIS_HASH } from './hash-chain.js';
import { HASH_CHAIN_VECTORS } from './testing/hash-chain-vectors.js';

describe('the hash chain against its known vectors', () => {
  it.each(HASH_CHAIN_VECTORS.map((vector) => [vector.note, vector] as const))('%s', (_note, vector) => {
    // The written-down text is what is hashed, and the platform hashes exactly that text.
    expect(hash('sha256', vector.hashed, 'hex')).toBe(vector.hash);
    expect(
      eventHash({
        streamId: vector.stream,
        revision: BigInt(vector.revision),
        type: vector.type,
        data: vector.data,
        metadata: vector.metadata as never,
      }),
    ).toBe(vector.hash);
  });

  it('links each stream from the genesis hash, each prevHash the hash before it', () => {
    const last = new Map<string, string>();
    for (const vector of HASH_CHAIN_VECTORS) {
      expect(vector.metadata.prevHash).toBe(last.get(vector.stream) ?? GENESIS_HASH);
      last.set(vector.stream, vector.hash);
    }
  });
});
