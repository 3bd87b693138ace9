import type { CheckpointStore } from './checkpoint-store.port.js';
import type { EventToAppend, RecordedEvent } from './envelope.js';
import type {
  AppendOptions,
  AppendResult,
  DeleteOptions,
  ReadAllOptions,
  ReadStreamOptions,
  StreamMetadata,
  SubscribeToAllOptions,
} from './options.js';
import type { StoreVerification, StreamVerification } from './verification.js';

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

/**
 * The system of record (DESIGN.md decisions 1, 3, 4, 5), with EventStoreDB's semantics on
 * every adapter. Typed failures: WrongExpectedVersionError, StreamNotFoundError,
 * StreamDeletedError, DuplicateEventIdError.
 */
export interface EventStore {
  readonly engine: string;
  readonly checkpoints: CheckpointStore;
  /**
   * Atomic: all events or none. Idempotent by event id: the same ids with the same expected
   * revision again succeed and write nothing. Stamps recordedAt and the hash chain.
   */
  appendToStream(streamId: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Honours `$maxCount`, `$maxAge` and soft deletes. StreamNotFoundError for a stream never
   * written or soft-deleted; StreamDeletedError for a tombstone.
   */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Every recorded event in position order, including those of deleted or truncated streams. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** Events recorded after `position`, counted up to `cap` (projector lag). */
  countEventsAfter(position: bigint, cap: number): Promise<number>;
  /**
   * Soft delete: reads report StreamNotFound, the next append recreates the stream and its
   * revisions continue. Stream metadata is cleared. Events stay in `$all`.
   */
  deleteStream(streamId: string, options?: DeleteOptions): Promise<void>;
  /** Hard delete: the stream can never be read or written again. Events stay in `$all`. */
  tombstoneStream(streamId: string, options?: DeleteOptions): Promise<void>;
  /** `{}` for a stream without metadata. */
  getStreamMetadata(streamId: string): Promise<StreamMetadata>;
  /** Replaces the stream's metadata (last writer wins); may precede the stream's first event. */
  setStreamMetadata(streamId: string, metadata: StreamMetadata): Promise<void>;
  /**
   * Recomputes the stream's hash chain from the store and reports the first broken revision.
   * StreamNotFoundError if unknown. SQLite checks every event it holds, hidden or not;
   * EventStoreDB what a stream read returns (docs/eventstoredb.md).
   */
  verifyStream(streamId: string): Promise<StreamVerification>;
  /** Verifies every stream, and the `$all` log where the engine allows it. */
  verifyAll(): Promise<StoreVerification>;
  health(): Promise<EventStoreHealth>;
  close(): Promise<void>;
}
