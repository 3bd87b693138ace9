import { describe, expect, it } from 'vitest';
import { StreamNotFoundError } from '../../errors.js';
import { anEvent, uniqueStream, type SubjectAccessor } from './subject.js';

export function verificationContract(subject: SubjectAccessor): void {
  describe('tamper evidence on an untouched store', () => {
    it('verifies a stream and counts its events', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A'), anEvent('B')]);
      await store.appendToStream(stream, [anEvent('C')]);
      expect(await store.verifyStream(stream)).toEqual({ ok: true, streamId: stream, events: 3 });
    });

    it('verifies streams through soft deletes and tombstones', async () => {
      const { store } = subject();
      const recreated = uniqueStream('tender');
      await store.appendToStream(recreated, [anEvent('A')]);
      await store.deleteStream(recreated);
      await store.appendToStream(recreated, [anEvent('B')]);
      expect(await store.verifyStream(recreated)).toMatchObject({ ok: true });
      const ended = uniqueStream('tender');
      await store.appendToStream(ended, [anEvent('A')]);
      await store.tombstoneStream(ended);
      expect(await store.verifyAll()).toMatchObject({ ok: true });
    });

    it('reports a stream that was never written', async () => {
      await expect(subject().store.verifyStream(uniqueStream('tender'))).rejects.toBeInstanceOf(StreamNotFoundError);
    });

    it('verifies the whole store', async () => {
      const { store } = subject();
      await store.appendToStream(uniqueStream('tender'), [anEvent('A'), anEvent('B')]);
      await store.appendToStream(uniqueStream('quote'), [anEvent('C')]);
      const verdict = await store.verifyAll();
      expect(verdict).toMatchObject({ ok: true });
      expect(verdict.streams).toBeGreaterThanOrEqual(2);
      expect(verdict.events).toBeGreaterThanOrEqual(3);
    });
  });
}
