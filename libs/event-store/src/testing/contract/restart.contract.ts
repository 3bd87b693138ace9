import { describe, expect, it } from 'vitest';
import type { SubscriptionMessage } from '../../event-store.port.js';
import { anEvent, uniqueStream, waitFor, type SubjectAccessor } from './subject.js';

export function restartContract(subject: SubjectAccessor): void {
  describe('a server restart', () => {
    it('a subscription survives it: what was written around the restart arrives once, in order', async (context) => {
      const { store, restartServer } = subject();
      if (restartServer === undefined) {
        console.warn('[event-store contract] restart test SKIPPED: this store has no server to restart');
        return context.skip();
      }
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('Before')]);
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [stream] } });
      const seen: SubscriptionMessage[] = [];
      const done = (async () => {
        for await (const message of subscription) {
          seen.push(message);
          if (message.kind === 'event' && message.event.type === 'AfterRestart2') break;
        }
      })();
      await waitFor(() => seen.some((m) => m.kind === 'caughtUp'));
      await store.appendToStream(stream, [anEvent('Live')]);
      await waitFor(() => seen.length === 3);
      await restartServer();
      await store.appendToStream(stream, [anEvent('AfterRestart1')]);
      await store.appendToStream(stream, [anEvent('AfterRestart2')]);
      await done;
      await subscription.close();
      expect(seen.map((m) => (m.kind === 'event' ? m.event.type : m.kind))).toEqual([
        'Before',
        'caughtUp',
        'Live',
        'AfterRestart1',
        'AfterRestart2',
      ]);
    }, 40_000);
  });
}
