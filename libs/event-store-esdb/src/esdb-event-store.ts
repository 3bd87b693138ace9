import type { EventStoreDBClient } from '@eventstore/db-client';
import {
  matchesFilter,
  type AppendOptions,
  type AppendResult,
  type DeleteOptions,
  type EventStore,
  type EventStoreHealth,
  type EventToAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreVerification,
  type StreamMetadata,
  type StreamVerification,
  type SubscribeToAllOptions,
  type Subscription,
} from '@presales/event-store';
import { connectWithDeadline } from './connection.js';
import { EsdbAppender } from './esdb-appender.js';
import { EsdbCheckpointStore } from './esdb-checkpoint-store.js';
import { EsdbLifecycle } from './esdb-lifecycle.js';
import { EsdbCatchUpSubscription } from './esdb-subscription.js';
import { EsdbVerifier } from './esdb-verifier.js';
import { scanLog, type ScanStart } from './log-scan.js';
import { readStreamEvents } from './stream-reads.js';

export interface EsdbEventStoreOptions {
  /** `esdb://host:2113?tls=false`, `esdb+discover://…`, or the same with `kurrentdb`. */
  readonly url: string;
  /** Source of recordedAt. Only the demo loader and tests replace it; `$maxAge` uses the server's clock. */
  readonly clock?: () => Date;
  /** How long start-up waits for the server to answer before giving up. */
  readonly connectDeadlineMs?: number;
}

/**
 * The EventStore port on EventStoreDB / KurrentDB (≥ 23.10) over @eventstore/db-client 6.2.
 * Streams, revisions, expected revisions, deletes, metadata and `$all` are the server's own;
 * the envelope and the hash chain travel in each event's metadata (docs/eventstoredb.md).
 */
export class EsdbEventStore implements EventStore {
  readonly engine = 'eventstoredb';
  readonly checkpoints: EsdbCheckpointStore;
  private readonly appender: EsdbAppender;
  private readonly lifecycle: EsdbLifecycle;
  private readonly verifier: EsdbVerifier;

  static async connect(options: EsdbEventStoreOptions): Promise<EsdbEventStore> {
    const client = await connectWithDeadline(options.url, options.connectDeadlineMs ?? 5000);
    return new EsdbEventStore(client, options.clock ?? (() => new Date()));
  }

  private constructor(
    private readonly client: EventStoreDBClient,
    clock: () => Date,
  ) {
    this.checkpoints = new EsdbCheckpointStore(client);
    this.appender = new EsdbAppender(client, clock);
    this.lifecycle = new EsdbLifecycle(client);
    this.verifier = new EsdbVerifier(client);
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError(`stream ${streamId}: append needs at least one event`);
    return this.appender.append(streamId, events, options.expectedRevision ?? 'any');
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return readStreamEvents(this.client, streamId, options);
  }

  /**
   * `$all` from a position the store returned, inclusive (`fromPosition`) or past it
   * (`afterPosition`). Foreign events (see ForeignEventError) are not part of the log the port
   * shows, so they are skipped here; verifyAll reports them.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const direction = options.direction ?? 'forwards';
    const result: RecordedEvent[] = [];
    if (maxCount <= 0) return result;
    for await (const entry of scanLog(this.client, direction, scanStart(options))) {
      if (entry.kind === 'event' && matchesFilter(options.filter, entry.event.streamId, entry.event.type))
        result.push(entry.event);
      if (result.length >= maxCount) break;
    }
    return result;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    return new EsdbCatchUpSubscription(this.client, options);
  }

  async countEventsAfter(position: bigint, cap: number): Promise<number> {
    let count = 0;
    if (cap <= 0) return count;
    for await (const entry of scanLog(
      this.client,
      'forwards',
      position === 0n ? undefined : { kind: 'after', position },
    )) {
      if (entry.kind === 'event') count += 1;
      if (count >= cap) break;
    }
    return count;
  }

  deleteStream(streamId: string, options: DeleteOptions = {}): Promise<void> {
    return this.lifecycle.softDelete(streamId, options.expectedRevision ?? 'any');
  }

  tombstoneStream(streamId: string, options: DeleteOptions = {}): Promise<void> {
    return this.lifecycle.tombstone(streamId, options.expectedRevision ?? 'any');
  }

  getStreamMetadata(streamId: string): Promise<StreamMetadata> {
    return this.lifecycle.metadata(streamId);
  }

  setStreamMetadata(streamId: string, metadata: StreamMetadata): Promise<void> {
    return this.lifecycle.replaceMetadata(streamId, metadata);
  }

  verifyStream(streamId: string): Promise<StreamVerification> {
    return this.verifier.verifyStream(streamId);
  }

  verifyAll(): Promise<StoreVerification> {
    return this.verifier.verifyAll();
  }

  async health(): Promise<EventStoreHealth> {
    for await (const entry of scanLog(this.client, 'backwards')) {
      if (entry.kind === 'event') return { engine: this.engine, headPosition: entry.position };
    }
    return { engine: this.engine, headPosition: 0n };
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

function scanStart(options: ReadAllOptions): ScanStart | undefined {
  if (options.afterPosition !== undefined) return { kind: 'after', position: options.afterPosition };
  return options.fromPosition === undefined ? undefined : { kind: 'from', position: options.fromPosition };
}
