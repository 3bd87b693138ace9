import { StreamNotFoundError } from '@presales/event-store';
import { describe, expect, it } from 'vitest';
import { storeWithDisputes } from '../testing/memory-dispute.js';
import { verifyStoreChains, verifyStreamChain } from './verify-store.js';

describe('chain verification reports', () => {
  it('verifies one stream and the whole store, timed', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    expect(await verifyStreamChain(store, 'tender-T-a')).toEqual({ ok: true, streamId: 'tender-T-a', events: 6 });
    const report = await verifyStoreChains(store);
    expect(report).toMatchObject({ ok: true, engine: 'memory', streams: 9, events: store.log.length });
    expect(report.eventsPerSecond).toBeGreaterThan(0);
  });

  it('reports the first broken revision of every broken stream, as strings', async () => {
    const store = await storeWithDisputes({ key: 'a' }, { key: 'b' });
    store.swap('tender-T-a', 2n, 3n);
    store.remove('quote-Q-b', 1n);
    expect(await verifyStreamChain(store, 'tender-T-a')).toMatchObject({ ok: false, firstBrokenRevision: '2' });
    const report = await verifyStoreChains(store);
    expect(report.ok === false && report.findings).toEqual([
      {
        kind: 'stream',
        streamId: 'tender-T-a',
        firstBrokenRevision: '2',
        reason: 'prevHash does not match the previous event (deleted, inserted or reordered)',
      },
      {
        kind: 'stream',
        streamId: 'quote-Q-b',
        firstBrokenRevision: '1',
        reason: 'revision 1 is missing (deleted), found 2 next',
      },
    ]);
  });

  it('is StreamNotFoundError for a stream the store never had', async () => {
    await expect(verifyStreamChain(await storeWithDisputes({ key: 'a' }), 'tender-none')).rejects.toThrow(
      StreamNotFoundError,
    );
  });
});
