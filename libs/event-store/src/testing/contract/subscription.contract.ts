import { describe, expect, it } from 'vitest';
import type { Subscription, SubscriptionMessage } from '../../event-store.port.js';
import { anEvent, uniqueStream, waitFor, type SubjectAccessor } from './subject.js';

/** Reads a subscription in the background until `until` says stop. */
function collect(subscription: Subscription, until: (seen: SubscriptionMessage[]) => boolean) {
  const seen: SubscriptionMessage[] = [];
  const done = (async () => {
    for await (const message of subscription) {
      seen.push(message);
      if (until(seen)) break;
    }
  })();
  return { seen, done };
}

const label = (m: SubscriptionMessage) => (m.kind === 'event' ? m.event.type : 'caughtUp');

export function subscriptionContract(subject: SubjectAccessor): void {
  describe('catch-up subscription to $all', () => {
    it('delivers history, signals caughtUp once, then live events, after an exclusive position', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      const { position: afterFirst } = await store.appendToStream(stream, [anEvent('H1')]);
      await store.appendToStream(stream, [anEvent('H2')]);
      const subscription = store.subscribeToAll({ fromPosition: afterFirst, filter: { streamPrefixes: [stream] } });
      const { seen, done } = collect(subscription, (s) => label(s[s.length - 1]!) === 'L2');
      await waitFor(() => seen.some((m) => m.kind === 'caughtUp'));
      await store.appendToStream(stream, [anEvent('L1')]);
      await store.appendToStream(stream, [anEvent('L2')]);
      await done;
      await subscription.close();
      expect(seen.map(label)).toEqual(['H2', 'caughtUp', 'L1', 'L2']);
    });

    it('filters by event type and reports caughtUp at or after the last delivered position', async () => {
      const { store } = subject();
      const stream = uniqueStream('quote');
      await store.appendToStream(stream, [anEvent('QuoteDrafted'), anEvent('QuoteRevised'), anEvent('QuoteDrafted')]);
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [stream], eventTypes: ['QuoteRevised'] } });
      const { seen, done } = collect(subscription, (s) => s[s.length - 1]!.kind === 'caughtUp');
      await done;
      await subscription.close();
      expect(seen.map(label)).toEqual(['QuoteRevised', 'caughtUp']);
      const [event, caughtUp] = seen;
      if (event?.kind !== 'event' || caughtUp?.kind !== 'caughtUp') throw new Error('unexpected messages');
      expect(caughtUp.position).toBeGreaterThanOrEqual(event.event.position);
    });

    it('stops delivering when closed', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A')]);
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [stream] } });
      const { seen, done } = collect(subscription, () => false);
      await waitFor(() => seen.some((m) => m.kind === 'caughtUp'));
      await subscription.close();
      await done;
      await store.appendToStream(stream, [anEvent('B')]);
      expect(seen.map(label)).toEqual(['A', 'caughtUp']);
    });
  });
}
