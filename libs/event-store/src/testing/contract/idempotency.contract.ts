import { describe, expect, it } from 'vitest';
import { DuplicateEventIdError, WrongExpectedVersionError } from '../../errors.js';
import { anEvent, uniqueStream, type SubjectAccessor } from './subject.js';

export function idempotencyContract(subject: SubjectAccessor): void {
  describe('idempotency by event id', () => {
    it('treats a retry with the same ids and expected revision as a success that writes nothing', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      const batch = [anEvent('A', { n: 1 }), anEvent('B', { n: 2 })];
      const first = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
      const retry = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
      expect(retry).toEqual(first);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('recognises a retry carried by another request: only the correlation id differs', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      const event = anEvent('A', { n: 1 });
      const first = await store.appendToStream(
        stream,
        [{ ...event, metadata: { ...event.metadata, correlationId: 'request-1' } }],
        { expectedRevision: 'no_stream' },
      );
      const retry = await store.appendToStream(
        stream,
        [{ ...event, metadata: { ...event.metadata, correlationId: 'request-2' } }],
        { expectedRevision: 'no_stream' },
      );
      expect(retry).toEqual(first);
      const recorded = await store.readStream(stream);
      expect(recorded.map((e) => e.metadata.correlationId)).toEqual(['request-1']);
    });

    it('recognises a retry guarded by an exact revision even after later appends', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A')], { expectedRevision: 'no_stream' });
      const batch = [anEvent('B'), anEvent('C')];
      const first = await store.appendToStream(stream, batch, { expectedRevision: 0n });
      await store.appendToStream(stream, [anEvent('D')], { expectedRevision: 2n });
      expect(await store.appendToStream(stream, batch, { expectedRevision: 0n })).toEqual(first);
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
    });

    it('does not mistake the same ids under another expected revision for a retry', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      const batch = [anEvent('A'), anEvent('B')];
      await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
      await expect(store.appendToStream(stream, batch, { expectedRevision: 5n })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('rejects an id that was recorded with other content', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      const id = crypto.randomUUID();
      await store.appendToStream(stream, [anEvent('A', { n: 1 }, id)], { expectedRevision: 'no_stream' });
      await expect(
        store.appendToStream(stream, [anEvent('A', { n: 2 }, id)], { expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.readStream(stream)).toHaveLength(1);
    });
  });
}
