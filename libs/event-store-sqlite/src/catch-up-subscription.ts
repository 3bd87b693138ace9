import {
  matchesFilter,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
  type SubscriptionMessage,
} from '@presales/event-store';
import type { AppendNotifier } from './append-notifier.js';

export interface CatchUpSource {
  /** Up to `maxCount` events with position > `after`, unfiltered, in position order. */
  readAfter(after: bigint, maxCount: number): RecordedEvent[];
  readonly notifier: AppendNotifier;
  readonly pollIntervalMs: number;
}

const PAGE_SIZE = 1000;

/**
 * History page by page, one `caughtUp`, then live events as they are appended. The filter is
 * applied while scanning so the position advances past events that do not match.
 */
export function catchUpSubscription(source: CatchUpSource, options: SubscribeToAllOptions = {}): Subscription {
  const stop = new AbortController();

  async function* messages(): AsyncGenerator<SubscriptionMessage> {
    let position = options.fromPosition ?? 0n;
    let caughtUp = false;
    while (!stop.signal.aborted) {
      const page = source.readAfter(position, PAGE_SIZE);
      for (const event of page) {
        position = event.position;
        if (matchesFilter(options.filter, event.streamId, event.type)) yield { kind: 'event', event };
        if (stop.signal.aborted) return;
      }
      if (page.length === PAGE_SIZE) continue;
      if (!caughtUp) {
        caughtUp = true;
        yield { kind: 'caughtUp', position };
      }
      await source.notifier.wait(source.pollIntervalMs, stop.signal);
    }
  }

  const iterator = messages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      stop.abort();
      await iterator.return(undefined);
    },
  };
}
