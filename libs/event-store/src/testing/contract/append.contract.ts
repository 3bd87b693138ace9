import { describe, expect, it } from 'vitest';
import { WrongExpectedVersionError } from '../../errors.js';
import { anEvent, typesIn, uniqueStream, type SubjectAccessor } from './subject.js';

export function appendContract(subject: SubjectAccessor): void {
  describe('append and expected revision', () => {
    it('starts a stream at revision 0 with no_stream and increases positions strictly', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      const first = await store.appendToStream(stream, [anEvent('A'), anEvent('B')], { expectedRevision: 'no_stream' });
      expect(first.nextExpectedRevision).toBe(1n);
      const second = await store.appendToStream(stream, [anEvent('C')], { expectedRevision: 1n });
      expect(second.nextExpectedRevision).toBe(2n);
      expect(second.position).toBeGreaterThan(first.position);
      const events = await store.readStream(stream);
      expect(events.map((e) => [e.type, e.revision])).toEqual([
        ['A', 0n],
        ['B', 1n],
        ['C', 2n],
      ]);
      for (let i = 1; i < events.length; i += 1) expect(events[i]!.position).toBeGreaterThan(events[i - 1]!.position);
      expect(events[2]!.position).toBe(second.position);
    });

    it('rejects a wrong expected revision and writes nothing', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A')], { expectedRevision: 'no_stream' });
      await expect(
        store.appendToStream(stream, [anEvent('B')], { expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(store.appendToStream(stream, [anEvent('B')], { expectedRevision: 5n })).rejects.toMatchObject({
        streamId: stream,
        actual: 0n,
      });
      await expect(
        store.appendToStream(uniqueStream('tender'), [anEvent('B')], { expectedRevision: 'stream_exists' }),
      ).rejects.toMatchObject({
        actual: undefined,
      });
      expect(await typesIn(store, stream)).toEqual(['A']);
    });

    it('accepts any and stream_exists on an existing stream', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A')], { expectedRevision: 'any' });
      await store.appendToStream(stream, [anEvent('B')], { expectedRevision: 'stream_exists' });
      await store.appendToStream(stream, [anEvent('C')]);
      expect(await typesIn(store, stream)).toEqual(['A', 'B', 'C']);
    });

    it('refuses an empty append', async () => {
      await expect(subject().store.appendToStream(uniqueStream('tender'), [])).rejects.toBeInstanceOf(RangeError);
    });

    it('lets exactly one of several racing writers win, without interleaving', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A')], { expectedRevision: 'no_stream' });
      const writers = ['B', 'C', 'D', 'E'];
      const results = await Promise.allSettled(
        writers.map((w) =>
          store.appendToStream(stream, [anEvent(`${w}1`), anEvent(`${w}2`), anEvent(`${w}3`)], {
            expectedRevision: 0n,
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const rejected of results.filter((r) => r.status === 'rejected'))
        expect(rejected.reason).toBeInstanceOf(WrongExpectedVersionError);
      const winner = writers[results.findIndex((r) => r.status === 'fulfilled')]!;
      expect(await typesIn(store, stream)).toEqual(['A', `${winner}1`, `${winner}2`, `${winner}3`]);
    });

    it('gives every loser of repeated races a WrongExpectedVersionError with the winner revision, never another error', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      let head = (await store.appendToStream(stream, [anEvent('Start')], { expectedRevision: 'no_stream' }))
        .nextExpectedRevision;
      for (let round = 0; round < 20; round += 1) {
        const results = await Promise.allSettled(
          [0, 1, 2].map((w) =>
            store.appendToStream(stream, [anEvent(`R${round}W${w}`), anEvent(`R${round}W${w}`)], {
              expectedRevision: head,
            }),
          ),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        expect(won, `round ${round}`).toHaveLength(1);
        const next = (won[0] as PromiseFulfilledResult<{ nextExpectedRevision: bigint }>).value.nextExpectedRevision;
        for (const lost of results.filter((r) => r.status === 'rejected')) {
          expect(lost.reason, `round ${round}`).toBeInstanceOf(WrongExpectedVersionError);
          expect((lost.reason as WrongExpectedVersionError).actual, `round ${round}`).toBe(next);
        }
        head = next;
      }
      expect(await store.verifyStream(stream)).toMatchObject({ ok: true, events: 41 });
    });

    it('serialises racing writers that expect any, each batch contiguous', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      const writers = ['B', 'C', 'D'];
      await Promise.all(
        writers.map((w) =>
          store.appendToStream(stream, [anEvent(w), anEvent(w), anEvent(w)], { expectedRevision: 'any' }),
        ),
      );
      const types = await typesIn(store, stream);
      expect(types).toHaveLength(9);
      for (let batch = 0; batch < 3; batch += 1) expect(new Set(types.slice(batch * 3, batch * 3 + 3)).size).toBe(1);
      expect((await store.verifyStream(stream)).ok).toBe(true);
    });
  });
}
