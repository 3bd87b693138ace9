import { describe, expect, it } from 'vitest';
import { StreamDeletedError, StreamNotFoundError, WrongExpectedVersionError } from '../../errors.js';
import { anEvent, typesIn, uniqueStream, type SubjectAccessor } from './subject.js';

export function deletionContract(subject: SubjectAccessor): void {
  describe('soft delete', () => {
    it('hides the stream from reads but keeps its events in $all', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A'), anEvent('B')]);
      await expect(store.deleteStream(stream, { expectedRevision: 0n })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      await store.deleteStream(stream, { expectedRevision: 1n });
      await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      expect((await store.readAll({ filter: { streamPrefixes: [stream] } })).map((e) => e.type)).toEqual(['A', 'B']);
    });

    it('lets the next append recreate the stream with revisions continuing', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A'), anEvent('B')]);
      await store.deleteStream(stream);
      const result = await store.appendToStream(stream, [anEvent('C'), anEvent('D')], { expectedRevision: 'any' });
      expect(result.nextExpectedRevision).toBe(3n);
      const events = await store.readStream(stream);
      expect(events.map((e) => [e.type, e.revision])).toEqual([
        ['C', 2n],
        ['D', 3n],
      ]);
      expect(await store.verifyStream(stream)).toMatchObject({ ok: true });
    });

    it('accepts no_stream once to recreate, then the stream exists again', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A'), anEvent('B')]);
      await store.deleteStream(stream, { expectedRevision: 'any' });
      await store.appendToStream(stream, [anEvent('C')], { expectedRevision: 'no_stream' });
      await expect(
        store.appendToStream(stream, [anEvent('D')], { expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(await typesIn(store, stream)).toEqual(['C']);
    });

    it('refuses to delete a stream that was never written', async () => {
      await expect(subject().store.deleteStream(uniqueStream('tender'))).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
    });

    it('clears the stream metadata', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A'), anEvent('B')]);
      await store.setStreamMetadata(stream, { maxCount: 1 });
      await store.deleteStream(stream);
      expect(await store.getStreamMetadata(stream)).toEqual({});
    });
  });

  describe('tombstone', () => {
    it('ends the stream for good: reads, appends and deletes report StreamDeleted', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A')]);
      await expect(store.tombstoneStream(stream, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      await store.tombstoneStream(stream, { expectedRevision: 0n });
      await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store.appendToStream(stream, [anEvent('B')])).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(
        store.appendToStream(stream, [anEvent('B')], { expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store.deleteStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
      expect((await store.readAll({ filter: { streamPrefixes: [stream] } })).map((e) => e.type)).toEqual(['A']);
    });

    it('can follow a soft delete, and can reserve a name never written', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A')]);
      await store.deleteStream(stream);
      await store.tombstoneStream(stream);
      await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
      const unused = uniqueStream('tender');
      await store.tombstoneStream(unused, { expectedRevision: 'no_stream' });
      await expect(store.appendToStream(unused, [anEvent('A')])).rejects.toBeInstanceOf(StreamDeletedError);
    });
  });
}
