import { describe, expect, it } from 'vitest';
import type { ReadAllStart } from '../../options.js';
import type { RecordedEvent } from '../../envelope.js';
import { anEvent, uniqueStream, type SubjectAccessor } from './subject.js';

const EVENTS = 1_150;

/** Pages wider than both adapters' own pages (SQLite 1,000 rows, EventStoreDB 500 records). */
export function pagingContract(subject: SubjectAccessor): void {
  describe('paging $all with opaque positions', () => {
    it(`pages past ${EVENTS} events forwards and backwards, each page starting after the last position read`, async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      const filter = { streamPrefixes: [stream] };
      for (let batch = 0; batch < EVENTS / 50; batch += 1) {
        await store.appendToStream(
          stream,
          Array.from({ length: 50 }, (_, i) => anEvent('Paged', { n: batch * 50 + i })),
        );
      }
      const all = await store.readAll({ filter });
      expect(all.map((e) => e.data['n'])).toEqual(Array.from({ length: EVENTS }, (_, i) => i));
      for (const direction of ['forwards', 'backwards'] as const) {
        const seen: RecordedEvent[] = [];
        for (let start: ReadAllStart = {}; ;) {
          const page = await store.readAll({ ...start, direction, maxCount: 400, filter });
          seen.push(...page);
          if (page.length < 400) break;
          start = { afterPosition: page[page.length - 1]!.position };
        }
        expect(seen.map((e) => e.position)).toEqual(
          direction === 'forwards' ? all.map((e) => e.position) : all.map((e) => e.position).reverse(),
        );
      }
      const middle = all[600]!.position;
      expect((await store.readAll({ fromPosition: middle, maxCount: 2, filter })).map((e) => e.data['n'])).toEqual([
        600, 601,
      ]);
      expect((await store.readAll({ afterPosition: middle, maxCount: 2, filter })).map((e) => e.data['n'])).toEqual([
        601, 602,
      ]);
      expect(
        (await store.readAll({ fromPosition: middle, direction: 'backwards', maxCount: 2, filter })).map(
          (e) => e.data['n'],
        ),
      ).toEqual([600, 599]);
      expect(
        (await store.readAll({ afterPosition: middle, direction: 'backwards', maxCount: 2, filter })).map(
          (e) => e.data['n'],
        ),
      ).toEqual([599, 598]);
      expect(await store.countEventsAfter(all[EVENTS - 101]!.position, 10_000)).toBeGreaterThanOrEqual(100);
    });

    it('reports an empty store as such: head 0, nothing to read, caught up at once', async (context) => {
      const { store, shared } = subject();
      if (shared) {
        console.warn('[event-store contract] empty-store test SKIPPED: the store is shared with other tests');
        return context.skip();
      }
      expect(await store.health()).toMatchObject({ headPosition: 0n });
      expect(await store.readAll()).toEqual([]);
      expect(await store.readAll({ direction: 'backwards' })).toEqual([]);
      expect(await store.countEventsAfter(0n, 10)).toBe(0);
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).value).toEqual({ kind: 'caughtUp', position: 0n });
      await subscription.close();
    });
  });
}
