import { describe, expect, it } from 'vitest';
import { anEvent, typesIn, uniqueStream, type SubjectAccessor } from './subject.js';

/** Retries the way a client makes them: after a timeout, when other writers may have appended since. */
export function retriesContract(subject: SubjectAccessor): void {
  describe('retries after other writers', () => {
    it('answers an any retry with the first result after another writer appended', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A')]);
      const batch = [anEvent('B1'), anEvent('B2')];
      const first = await store.appendToStream(stream, batch, { expectedRevision: 'any' });
      await store.appendToStream(stream, [anEvent('C1'), anEvent('C2'), anEvent('C3')], { expectedRevision: 'any' });
      expect(await store.appendToStream(stream, batch, { expectedRevision: 'any' })).toEqual(first);
      expect(await store.appendToStream(stream, batch, { expectedRevision: 'stream_exists' })).toEqual(first);
      expect(await typesIn(store, stream)).toEqual(['A', 'B1', 'B2', 'C1', 'C2', 'C3']);
    });

    it('answers an exact retry with the first result after the stream moved on', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      const batch = [anEvent('A'), anEvent('B')];
      const first = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
      await store.appendToStream(stream, [anEvent('C')], { expectedRevision: 1n });
      expect(await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' })).toEqual(first);
      expect(await typesIn(store, stream)).toEqual(['A', 'B', 'C']);
    });

    it('keeps a recreated stream truncated when its metadata is written afterwards', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A'), anEvent('B')]);
      await store.deleteStream(stream);
      await store.appendToStream(stream, [anEvent('C')]);
      await store.setStreamMetadata(stream, { maxCount: 10 });
      expect(await typesIn(store, stream)).toEqual(['C']);
      expect(await store.getStreamMetadata(stream)).toEqual({ maxCount: 10 });
      expect(await store.verifyStream(stream)).toMatchObject({ ok: true });
    });

    it('keeps a stream truncated when metadata is written while it is deleted, and after it is recreated', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A')]);
      await store.deleteStream(stream);
      await store.setStreamMetadata(stream, { maxCount: 5 });
      await store.appendToStream(stream, [anEvent('B')]);
      expect(await typesIn(store, stream)).toEqual(['B']);
    });
  });
}
