import { DomainError } from '@presales/domain';
import type { ExpectedRevision } from './options.js';

export class WrongExpectedVersionError extends DomainError {
  readonly code = 'concurrency' as const;
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** `undefined` when the stream does not exist. */
    readonly actual: bigint | undefined,
  ) {
    super(
      `stream ${streamId}: expected revision ${String(expected)} but the stream is at ${actual === undefined ? 'no_stream' : String(actual)}`,
    );
  }
}

export class StreamNotFoundError extends DomainError {
  readonly code = 'not_found' as const;
  constructor(readonly streamId: string) {
    super(`stream ${streamId}: not found`);
  }
}

/** The same event id was appended before with other content: a retry must be byte-identical. */
export class DuplicateEventIdError extends DomainError {
  readonly code = 'concurrency' as const;
  constructor(
    readonly eventId: string,
    readonly streamId: string,
  ) {
    super(`stream ${streamId}: event id ${eventId} was already recorded with other content`);
  }
}

/** A checkpoint may only move forwards, and only from the position its writer last saw. */
export class CheckpointConflictError extends DomainError {
  readonly code = 'concurrency' as const;
  constructor(
    readonly subscriberId: string,
    readonly expected: bigint | undefined,
    readonly actual: bigint | undefined,
    readonly attempted: bigint,
  ) {
    super(
      `checkpoint ${subscriberId}: cannot move to ${attempted} (expected current ${expected ?? 'none'}, found ${actual ?? 'none'})`,
    );
  }
}

/**
 * The stream was tombstoned (hard-deleted): it can be neither read nor written again, and its
 * name cannot be reused (EventStoreDB semantics).
 */
export class StreamDeletedError extends DomainError {
  readonly code = 'illegal_state' as const;
  constructor(readonly streamId: string) {
    super(`stream ${streamId}: deleted permanently (tombstoned); it cannot be read or written`);
  }
}

/**
 * The store refuses an append this large (EventStoreDB: `MaxAppendSize`, 1 MiB of event data and
 * metadata by default). Nothing was written; split the events over several appends.
 */
export class AppendTooLargeError extends DomainError {
  readonly code = 'illegal_state' as const;
  constructor(
    readonly streamId: string,
    readonly maxAppendBytes: number,
  ) {
    super(
      `stream ${streamId}: the append exceeds the store's limit of ${maxAppendBytes} bytes per append; nothing was written`,
    );
  }
}
