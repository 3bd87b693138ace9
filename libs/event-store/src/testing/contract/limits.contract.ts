import { describe, expect, it } from 'vitest';
import { AppendTooLargeError, StreamNotFoundError } from '../../errors.js';
import type { SubscriptionMessage } from '../../event-store.port.js';
import { anEvent, typesIn, uniqueStream, waitFor, type SubjectAccessor } from './subject.js';

export function limitsContract(subject: SubjectAccessor): void {
  describe('limits of a store', () => {
    it('writes an append over 1 MiB whole, or refuses it with AppendTooLargeError and writes nothing', async () => {
      const { store } = subject();
      const stream = uniqueStream('import');
      const big = Array.from({ length: 40 }, (_, i) => anEvent('Imported', { i, text: 'x'.repeat(30_000) }));
      const outcome = await store.appendToStream(stream, big).then(
        () => 'written' as const,
        (error: unknown) => error,
      );
      if (outcome === 'written') expect(await store.readStream(stream)).toHaveLength(40);
      else {
        expect(outcome).toBeInstanceOf(AppendTooLargeError);
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
        const maxBytes = (outcome as AppendTooLargeError).maxAppendBytes;
        // Split the same events to fit, and they are all written.
        const perAppend = Math.max(1, Math.floor(maxBytes / 40_000));
        for (let i = 0; i < big.length; i += perAppend) await store.appendToStream(stream, big.slice(i, i + perAppend));
        expect(await store.readStream(stream)).toHaveLength(40);
      }
    });

    it('judges $maxAge by the store clock, so events recorded under a clock set in the past are old', async (context) => {
      const subjectNow = subject();
      const { store, setClock } = subjectNow;
      if (setClock === undefined) {
        console.warn('[event-store contract] $maxAge with an injected clock SKIPPED: this store keeps its own clock');
        return context.skip();
      }
      const stream = uniqueStream('tender');
      setClock(new Date(Date.now() - 2 * 365 * 86_400_000)); // the demo loader records history this way
      await store.appendToStream(stream, [anEvent('Old')]);
      setClock(new Date());
      await store.appendToStream(stream, [anEvent('New')]);
      await store.setStreamMetadata(stream, { maxAgeSeconds: 86_400 });
      expect(await typesIn(store, stream)).toEqual(['New']);
      expect(await store.readAll({ filter: { streamPrefixes: [stream] } })).toHaveLength(2);
    });

    it('leaves events it did not write out of $all reads and subscriptions', async (context) => {
      const { store, writeForeignEvent } = subject();
      if (writeForeignEvent === undefined) {
        console.warn('[event-store contract] foreign events SKIPPED: nothing but this adapter can write to this store');
        return context.skip();
      }
      const ours = uniqueStream('tender');
      const foreign = uniqueStream('other-app');
      await store.appendToStream(ours, [anEvent('A')]);
      await writeForeignEvent(foreign);
      await store.appendToStream(ours, [anEvent('B')]);
      const newest = await store.readAll({ direction: 'backwards', maxCount: 10 });
      expect(newest.some((e) => e.streamId === foreign)).toBe(false);
      expect((await store.readAll({ filter: { streamPrefixes: [ours] } })).map((e) => e.type)).toEqual(['A', 'B']);
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [ours, foreign] } });
      const seen: SubscriptionMessage[] = [];
      const done = (async () => {
        for await (const message of subscription) {
          seen.push(message);
          if (message.kind === 'caughtUp') break;
        }
      })();
      await waitFor(() => seen.some((m) => m.kind === 'caughtUp'));
      await done;
      await subscription.close();
      expect(seen.map((m) => (m.kind === 'event' ? m.event.type : m.kind))).toEqual(['A', 'B', 'caughtUp']);
      const verdict = await store.verifyAll();
      expect(verdict.ok).toBe(false);
    });
  });
}
