import { HASH_CHAIN_VECTORS } from '@presales/event-store/testing';
import { describe, expect, it } from 'vitest';
import { SqliteEventStore } from './sqlite-event-store.js';

describe('SQLite stamps and chains the known vectors to their written-down hashes', () => {
  it('stores each vector a real stream can hold with exactly its hash and prevHash', async () => {
    // Revisions a real stream reaches: the last vector's revision is for the hash function alone.
    const vectors = HASH_CHAIN_VECTORS.filter((vector) => vector.revision < 10);
    let now = new Date(0);
    const store = SqliteEventStore.open({ file: ':memory:', clock: () => now });
    try {
      for (const vector of vectors) {
        now = new Date(vector.metadata.recordedAt);
        const { prevHash: _prevHash, recordedAt: _recordedAt, ...metadata } = vector.metadata;
        await store.appendToStream(vector.stream, [
          { id: `v-${vector.position}`, type: vector.type, data: vector.data, metadata: metadata as never },
        ]);
      }
      for (const vector of vectors) {
        const [stored] = await store.readStream(vector.stream, { fromRevision: BigInt(vector.revision), maxCount: 1 });
        expect(stored!.metadata, vector.note).toMatchObject({
          prevHash: vector.metadata.prevHash,
          recordedAt: vector.metadata.recordedAt,
          hash: vector.hash,
        });
      }
      expect(await store.verifyAll()).toMatchObject({ ok: true, events: vectors.length });
    } finally {
      await store.close();
    }
  });
});
