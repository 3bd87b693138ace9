import {
  excludeSystemEvents,
  START,
  streamNameFilter,
  type AllStreamSubscription,
  type EventStoreDBClient,
  type Filter,
} from '@eventstore/db-client';
import {
  matchesFilter,
  type EventFilter,
  type SubscribeToAllOptions,
  type Subscription,
  type SubscriptionMessage,
} from '@presales/event-store';
import { backoffMs, sleep } from './drain.js';
import { scanLog, toLogEntry, type LogEntry } from './log-scan.js';
import { toPosition } from './positions.js';
import { isTransient } from './transient.js';

/** How long a dropped subscription keeps trying to come back (a restart, a leader election) before failing. */
const RESUBSCRIBE_FOR_MS = 30_000;

/**
 * History by paged `$all` reads, one `caughtUp`, then a live EventStoreDB subscription from
 * the last position seen. `caughtUp` is ours rather than the server's, which only sends it
 * from version 23.10 on. The port's filter is applied here, exactly; the server-side filter
 * only saves traffic. When the server goes away (restart, leader change, network), the
 * subscription reads what it missed and goes live again from the last position it delivered,
 * for up to RESUBSCRIBE_FOR_MS; its consumer sees no gap and no repeat.
 */
export class EsdbCatchUpSubscription implements Subscription {
  private closed = false;
  private live: AllStreamSubscription | undefined;
  private readonly iterator: AsyncGenerator<SubscriptionMessage>;
  /** Last `$all` position read, delivered or skipped; undefined before the first. */
  private last: bigint | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: SubscribeToAllOptions,
  ) {
    const from = options.fromPosition;
    this.last = from === undefined || from === 0n ? undefined : from;
    this.iterator = this.messages();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return this.iterator;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.release();
    await this.iterator.return(undefined);
  }

  private async *messages(): AsyncGenerator<SubscriptionMessage> {
    try {
      yield* this.history();
      if (this.closed) return;
      yield { kind: 'caughtUp', position: this.last ?? 0n };
      let failingSince: number | undefined;
      for (let attempt = 0; !this.closed; attempt += 1) {
        try {
          if (failingSince !== undefined) yield* this.history();
          yield* this.liveEvents(() => (failingSince = undefined));
          if (this.closed) return;
        } catch (error) {
          if (this.closed) return; // closing cancels the gRPC call, which surfaces as an error
          if (!isTransient(error)) throw error;
          failingSince ??= Date.now();
          if (Date.now() - failingSince > RESUBSCRIBE_FOR_MS) throw error;
        }
        await this.release();
        failingSince ??= Date.now();
        await sleep(backoffMs(attempt, 50, 1_000));
      }
    } finally {
      // Also when the consumer breaks out of its loop without calling close().
      await this.release();
    }
  }

  /** What was recorded after the last position: the history at first, what was missed after a drop. */
  private async *history(): AsyncGenerator<SubscriptionMessage> {
    const last = this.last;
    for await (const entry of scanLog(
      this.client,
      'forwards',
      last === undefined ? undefined : { kind: 'after', position: last },
    )) {
      if (this.closed) return;
      this.last = entry.position;
      const message = this.deliverable(entry);
      if (message !== undefined) yield message;
    }
  }

  private async *liveEvents(onConnected: () => void): AsyncGenerator<SubscriptionMessage> {
    const last = this.last;
    const live = this.client.subscribeToAll({
      fromPosition: last === undefined ? START : toPosition(last),
      filter: serverFilter(this.options.filter),
    });
    this.live = live;
    live.on('confirmation', onConnected);
    for await (const resolved of live) {
      if (this.closed) return;
      const entry = toLogEntry(resolved);
      if (entry === undefined || (this.last !== undefined && entry.position <= this.last)) continue;
      this.last = entry.position;
      const message = this.deliverable(entry);
      if (message !== undefined) yield message;
    }
  }

  private async release(): Promise<void> {
    const live = this.live;
    this.live = undefined;
    if (live === undefined) return;
    await live.unsubscribe().catch(() => undefined);
    live.destroy();
  }

  /** Foreign events (not written by Presales Ledger) and system records are not part of the port's log. */
  private deliverable(entry: LogEntry): SubscriptionMessage | undefined {
    if (entry.kind !== 'event' || !matchesFilter(this.options.filter, entry.event.streamId, entry.event.type))
      return undefined;
    return { kind: 'event', event: entry.event };
  }
}

function serverFilter(filter: EventFilter | undefined): Filter {
  if (filter?.streamPrefixes !== undefined && filter.streamPrefixes.length > 0)
    return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  return excludeSystemEvents();
}
