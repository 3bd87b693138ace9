import type { CheckpointStore } from './checkpoint-store.port.js';
import type { EventToAppend, RecordedEvent } from './envelope.js';
import type { AppendOptions, AppendResult, ReadAllOptions, ReadStreamOptions, SubscribeToAllOptions } from './options.js';

export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  /** History has been delivered up to `position`; what follows is live. Sent once. */
  | { readonly kind: 'caughtUp'; readonly position: bigint };

/** A catch-up subscription: history first, then live events, until closed. */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

export interface EventStoreHealth {
  readonly engine: string;
  /** `$all` position of the newest event, 0n for an empty store. */
  readonly headPosition: bigint;
}

/** The system of record (DESIGN.md decisions 1, 3, 4, 5). */
export interface EventStore {
  readonly engine: string;
  readonly checkpoints: CheckpointStore;
  appendToStream(streamId: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult>;
  /** Throws StreamNotFoundError for a stream that was never written. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** Events recorded after `position`, counted up to `cap` (projector lag). */
  countEventsAfter(position: bigint, cap: number): Promise<number>;
  health(): Promise<EventStoreHealth>;
  close(): Promise<void>;
}
