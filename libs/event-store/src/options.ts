/** EventStoreDB's expected-revision semantics, also for SQLite (DESIGN.md decision 3). */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendOptions {
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  readonly nextExpectedRevision: bigint;
  /** `$all` position of the last event of this append. */
  readonly position: bigint;
}

export type Direction = 'forwards' | 'backwards';

/** Soft delete and tombstone take the same guard as an append. */
export interface DeleteOptions {
  readonly expectedRevision?: ExpectedRevision;
}

/**
 * EventStoreDB's `$maxCount` and `$maxAge`, honoured by stream reads: older events stay in the
 * store (and in `$all`, verification and exports) but a stream read no longer returns them.
 */
export interface StreamMetadata {
  /** Only the newest `maxCount` events of the stream are readable. A positive integer. */
  readonly maxCount?: number;
  /** Only events recorded in the last `maxAgeSeconds` seconds are readable. A positive integer. */
  readonly maxAgeSeconds?: number;
}

/** Rejects what EventStoreDB would reject, so both adapters accept exactly the same metadata. */
export function assertValidStreamMetadata(streamId: string, metadata: StreamMetadata): void {
  for (const [name, value] of Object.entries(metadata)) {
    if (name !== 'maxCount' && name !== 'maxAgeSeconds')
      throw new RangeError(`stream ${streamId}: unknown stream metadata ${name}`);
    if (value !== undefined && (!Number.isSafeInteger(value) || (value as number) < 1)) {
      throw new RangeError(`stream ${streamId}: ${name} must be a positive integer, got ${String(value)}`);
    }
  }
}

export interface ReadStreamOptions {
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: bigint;
  readonly direction?: Direction;
  readonly maxCount?: number;
}

/** Keeps an event when its stream starts with one of the prefixes and/or its type is listed. */
export interface EventFilter {
  readonly streamPrefixes?: readonly string[];
  readonly eventTypes?: readonly string[];
}

/**
 * Where a `$all` read starts. Positions are opaque: only a position the store returned (an
 * event's, an append's, a checkpoint of one) may be passed back, never one computed from it.
 * EventStoreDB's are byte offsets in its log, and an offset where no record starts is refused;
 * a "next page" is therefore asked for with `afterPosition`, never with `position + 1n`.
 */
export type ReadAllStart =
  /** Inclusive. Omitted: the start (forwards) or the end (backwards). */
  | { readonly fromPosition?: bigint; readonly afterPosition?: never }
  /** Exclusive: the events past this position in the read's direction (after it forwards, before it backwards). */
  | { readonly afterPosition: bigint; readonly fromPosition?: never };

export type ReadAllOptions = ReadAllStart & {
  readonly direction?: Direction;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
};

export interface SubscribeToAllOptions {
  /** Exclusive: the subscription delivers events after this position. Omitted: from the start. */
  readonly fromPosition?: bigint;
  readonly filter?: EventFilter;
}

export function matchesFilter(filter: EventFilter | undefined, streamId: string, type: string): boolean {
  if (filter === undefined) return true;
  if (filter.streamPrefixes !== undefined && !filter.streamPrefixes.some((prefix) => streamId.startsWith(prefix)))
    return false;
  if (filter.eventTypes !== undefined && !filter.eventTypes.includes(type)) return false;
  return true;
}
