import type { ReadAllOptions } from '@presales/event-store';
import { describe, expect, it } from 'vitest';
import { disputeScript, playScript } from '../testing/dispute-scenario.js';
import { storeWithDisputes } from '../testing/memory-dispute.js';
import { bidHistory } from './bid-history.js';
import { findLinkedStreams } from './linked-streams.js';
import { LinkIndex } from './link-index.js';

describe('the link index', () => {
  it('finds what a one-off read of the log finds', async () => {
    const store = await storeWithDisputes({ key: 'a' }, { key: 'b' });
    const index = new LinkIndex(store);
    expect(await index.linksOf('T-a', 'O-a')).toEqual(await findLinkedStreams(store, 'T-a', 'O-a'));
    expect(await index.linksOf('T-b', 'O-b')).toEqual(await findLinkedStreams(store, 'T-b', 'O-b'));
    expect((await index.linksOf('T-a', 'O-a')).quoteStreams).toEqual(['quote-Q-a']);
  });

  it('reads only what was recorded since the last question, and misses nothing recorded before it', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    const reads: ReadAllOptions[] = [];
    const counting = {
      readAll: (options: ReadAllOptions = {}) => (reads.push(options), store.readAll(options)),
      health: () => store.health(),
    };
    const index = new LinkIndex(counting);
    expect((await index.linksOf('T-b', 'O-b')).quoteStreams).toEqual([]);
    const headAfterFirst = (await store.health()).headPosition;
    await playScript(store, (now) => (store.now = now), disputeScript({ key: 'b' }));
    expect(await index.linksOf('T-b', 'O-b')).toEqual(await findLinkedStreams(store, 'T-b', 'O-b'));
    expect(reads.map((r) => r.afterPosition)).toEqual([undefined, headAfterFirst]);
  });

  it('remembers a link whose event was later deleted from the file, so the gap shows', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    const index = new LinkIndex(store);
    await index.linksOf('T-a', 'O-a');
    store.remove('warroom-W-a', 0n);
    const history = await bidHistory(store, 'T-a', (t, o) => index.linksOf(t, o));
    expect(history.streams.find((s) => s.streamId === 'warroom-W-a')).toMatchObject({
      readable: true,
      chain: { ok: false, firstBrokenRevision: '0' },
    });
    expect((await bidHistory(store, 'T-a')).streams.map((s) => s.streamId)).not.toContain('warroom-W-a');
  });

  it('can be warmed before the first question, which then reads only the tail', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    const reads: ReadAllOptions[] = [];
    const index = new LinkIndex({
      readAll: (options: ReadAllOptions = {}) => (reads.push(options), store.readAll(options)),
      health: () => store.health(),
    });
    await index.warm();
    expect((await index.linksOf('T-a', 'O-a')).warRoomStreams).toEqual(['warroom-W-a']);
    expect(reads.map((r) => r.afterPosition)).toEqual([undefined, (await store.health()).headPosition]);
  });

  it('serialises questions asked at once: the second reads only what the first left', async () => {
    const store = await storeWithDisputes({ key: 'a' }, { key: 'b' });
    let reads = 0;
    const index = new LinkIndex({
      readAll: (options) => ((reads += 1), store.readAll(options)),
      health: () => store.health(),
    });
    const [a, b] = await Promise.all([index.linksOf('T-a', 'O-a'), index.linksOf('T-b', 'O-b')]);
    expect([a.quoteStreams, b.quoteStreams]).toEqual([['quote-Q-a'], ['quote-Q-b']]);
    expect(reads).toBe(2);
  });
});
