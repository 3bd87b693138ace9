import { StreamDeletedError, WrongExpectedVersionError } from './errors.js';
import type { ExpectedRevision } from './options.js';

/**
 * What an expected-revision check sees of a stream, with EventStoreDB's lifecycle: a stream is
 * created by its first append, a soft delete hides its events but lets appends recreate it
 * (revisions continue), a tombstone ends it forever.
 */
export type StreamState =
  | { readonly kind: 'absent' }
  | { readonly kind: 'live'; readonly lastRevision: bigint }
  | { readonly kind: 'soft_deleted'; readonly lastRevision: bigint }
  | { readonly kind: 'tombstoned' };

export const ABSENT: StreamState = { kind: 'absent' };

function actualRevision(state: StreamState): bigint | undefined {
  return state.kind === 'live' || state.kind === 'soft_deleted' ? state.lastRevision : undefined;
}

/**
 * Checks an append's expected revision; returns the revision the append continues after
 * (`undefined`: the stream starts at 0). A soft-deleted stream accepts `any`, `no_stream` and
 * its last revision, and continues from that revision (EventStoreDB's recreation rule).
 */
export function checkAppend(streamId: string, expected: ExpectedRevision, state: StreamState): bigint | undefined {
  switch (state.kind) {
    case 'tombstoned':
      throw new StreamDeletedError(streamId);
    case 'absent':
      if (expected === 'any' || expected === 'no_stream') return undefined;
      throw new WrongExpectedVersionError(streamId, expected, undefined);
    case 'live':
      if (expected === 'any' || expected === 'stream_exists' || expected === state.lastRevision)
        return state.lastRevision;
      throw new WrongExpectedVersionError(streamId, expected, state.lastRevision);
    case 'soft_deleted':
      if (expected === 'any' || expected === 'no_stream' || expected === state.lastRevision) return state.lastRevision;
      throw new WrongExpectedVersionError(streamId, expected, state.lastRevision);
    default:
      return unreachable(state);
  }
}

export type Deletion = 'soft' | 'tombstone';

/**
 * Checks a delete's expected revision. Soft-deleting a stream that was never written is a
 * wrong expected version (EventStoreDB ≥ 23); tombstoning one is allowed and reserves the name.
 * Deleting a soft-deleted stream again is allowed; anything on a tombstone is StreamDeleted.
 */
export function checkDelete(
  streamId: string,
  deletion: Deletion,
  expected: ExpectedRevision,
  state: StreamState,
): void {
  switch (state.kind) {
    case 'tombstoned':
      throw new StreamDeletedError(streamId);
    case 'absent':
      if (deletion === 'tombstone' && (expected === 'any' || expected === 'no_stream')) return;
      throw new WrongExpectedVersionError(streamId, expected, undefined);
    case 'live':
    case 'soft_deleted':
      if (expected === 'any' || expected === 'stream_exists' || expected === state.lastRevision) return;
      throw new WrongExpectedVersionError(streamId, expected, actualRevision(state));
    default:
      unreachable(state);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled stream state ${JSON.stringify(value)}`);
}
