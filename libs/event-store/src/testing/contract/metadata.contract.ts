import { describe, expect, it } from 'vitest';
import { anEvent, letTimePass, typesIn, uniqueStream, type SubjectAccessor } from './subject.js';

export function metadataContract(subject: SubjectAccessor): void {
  describe('stream metadata', () => {
    it('is empty for a stream without any, and reads back what was set', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      expect(await store.getStreamMetadata(stream)).toEqual({});
      await store.setStreamMetadata(stream, { maxCount: 3, maxAgeSeconds: 86_400 });
      expect(await store.getStreamMetadata(stream)).toEqual({ maxCount: 3, maxAgeSeconds: 86_400 });
      await store.setStreamMetadata(stream, { maxCount: 5 });
      expect(await store.getStreamMetadata(stream)).toEqual({ maxCount: 5 });
    });

    it('refuses values EventStoreDB would refuse', async () => {
      const { store } = subject();
      await expect(store.setStreamMetadata(uniqueStream('tender'), { maxCount: 0 })).rejects.toBeInstanceOf(RangeError);
      await expect(store.setStreamMetadata(uniqueStream('tender'), { maxAgeSeconds: 1.5 })).rejects.toBeInstanceOf(
        RangeError,
      );
    });

    it('honours $maxCount on stream reads, in both directions, but not in $all', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(
        stream,
        ['A', 'B', 'C', 'D'].map((t) => anEvent(t)),
      );
      await store.setStreamMetadata(stream, { maxCount: 2 });
      expect(await typesIn(store, stream)).toEqual(['C', 'D']);
      expect((await store.readStream(stream, { direction: 'backwards' })).map((e) => e.type)).toEqual(['D', 'C']);
      expect((await store.readStream(stream, { fromRevision: 3n })).map((e) => e.type)).toEqual(['D']);
      await store.appendToStream(stream, [anEvent('E')], { expectedRevision: 3n });
      expect(await typesIn(store, stream)).toEqual(['D', 'E']);
      expect(await store.readAll({ filter: { streamPrefixes: [stream] } })).toHaveLength(5);
      expect(await store.verifyStream(stream)).toMatchObject({ ok: true });
    });

    it('honours $maxAge on stream reads', async () => {
      const subjectNow = subject();
      const { store } = subjectNow;
      const clock = { now: new Date() };
      subjectNow.setClock?.(clock.now);
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('Old')]);
      await letTimePass(subjectNow, clock, 2_500);
      await store.appendToStream(stream, [anEvent('New')]);
      await store.setStreamMetadata(stream, { maxAgeSeconds: 2 });
      expect(await typesIn(store, stream)).toEqual(['New']);
      expect(await store.readAll({ filter: { streamPrefixes: [stream] } })).toHaveLength(2);
    });
  });
}
