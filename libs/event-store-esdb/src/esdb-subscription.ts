import { excludeSystemEvents, START, streamNameFilter, type AllStreamSubscription, type EventStoreDBClient, type Filter } from '@eventstore/db-client';
import { matchesFilter, type EventFilter, type SubscribeToAllOptions, type Subscription, type SubscriptionMessage } from '@presales/event-store';
import { scanLog, toLogEntry, type LogEntry } from './log-scan.js';
import { toPosition } from './positions.js';

/**
 * History by paged `$all` reads, one `caughtUp`, then a live EventStoreDB subscription from
 * the last position seen. `caughtUp` is ours rather than the server's, which only sends it
 * from version 23.10 on. The port's filter is applied here, exactly; the server-side filter
 * only saves traffic.
 */
export class EsdbCatchUpSubscription implements Subscription {
  private closed = false;
  private live: AllStreamSubscription | undefined;
  private readonly iterator: AsyncGenerator<SubscriptionMessage>;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: SubscribeToAllOptions,
  ) {
    this.iterator = this.messages();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return this.iterator;
  }

  async close(): Promise<void> {
    this.closed = true;
    const live = this.live;
    if (live !== undefined) {
      await live.unsubscribe();
      live.destroy();
    }
    await this.iterator.return(undefined);
  }

  private async *messages(): AsyncGenerator<SubscriptionMessage> {
    const from = this.options.fromPosition;
    let last = from === undefined || from === 0n ? undefined : from;
    for await (const entry of scanLog(this.client, 'forwards', last === undefined ? undefined : { position: last, inclusive: false })) {
      if (this.closed) return;
      last = entry.position;
      const event = this.deliverable(entry);
      if (event !== undefined) yield event;
    }
    yield { kind: 'caughtUp', position: last ?? 0n };
    if (this.closed) return;
    this.live = this.client.subscribeToAll({ fromPosition: last === undefined ? START : toPosition(last), filter: serverFilter(this.options.filter) });
    try {
      for await (const resolved of this.live) {
        if (this.closed) return;
        const entry = toLogEntry(resolved);
        if (entry === undefined || (last !== undefined && entry.position <= last)) continue;
        last = entry.position;
        const event = this.deliverable(entry);
        if (event !== undefined) yield event;
      }
    } catch (error) {
      if (!this.closed) throw error; // closing cancels the gRPC call, which surfaces as an error
    }
  }

  private deliverable(entry: LogEntry): SubscriptionMessage | undefined {
    if (entry.kind === 'foreign') throw entry.error;
    if (entry.kind === 'system' || !matchesFilter(this.options.filter, entry.event.streamId, entry.event.type)) return undefined;
    return { kind: 'event', event: entry.event };
  }
}

function serverFilter(filter: EventFilter | undefined): Filter {
  if (filter?.streamPrefixes !== undefined && filter.streamPrefixes.length > 0) return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  return excludeSystemEvents();
}
