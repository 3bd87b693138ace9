import type { CommittedIds } from './committed-ids.js';
import { DELETED_STREAM, type LogRecord } from './log.js';

export type Expected =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

/** The server's numbers for an expected version (ExpectedVersion.Any = -2, NoStream = -1, StreamExists = -4). */
export function expectedNumber(expected: Expected): bigint {
  switch (expected.kind) {
    case 'any':
      return -2n;
    case 'no_stream':
      return -1n;
    case 'stream_exists':
      return -4n;
    case 'revision':
      return expected.revision;
  }
}

export type CommitDecision =
  | { readonly kind: 'ok' }
  /** The same ids are already in the stream: answer with the first write's result, write nothing. */
  | { readonly kind: 'idempotent'; readonly lastRevision: bigint }
  | { readonly kind: 'wrong_expected_version'; readonly current: bigint }
  /** Some ids match and some do not (CommitDecision.CorruptedIdempotency): the client sees a wrong expected version. */
  | { readonly kind: 'corrupted_idempotency'; readonly current: bigint }
  | { readonly kind: 'deleted' };

export interface StreamFacts {
  readonly streamId: string;
  /** Pre-committed last event number; -1 if never written; DELETED_STREAM after a tombstone. */
  readonly current: bigint;
  readonly softDeleted: boolean;
  /** Whether `$$stream` has an event (a `stream_exists` append accepts a stream with metadata only). */
  readonly hasMetadata: boolean;
  /** Every record of the stream, pre-committed or indexed (ReadPrepare). */
  readonly records: readonly LogRecord[];
}

/**
 * TEST STAND-IN, not a product store. IndexWriter.CheckCommit
 * (kurrent-io/KurrentDB src/KurrentDB.Core/Services/Storage/ReaderIndex/IndexWriter.cs),
 * decided on *pre-committed* versions:
 * - `any` / `stream_exists`: idempotent only if every id is in the committed-ids cache for this
 *   stream; none found writes again (so a retry whose ids were evicted duplicates); some found is
 *   CorruptedIdempotency.
 * - an exact version below the current one: the ids at expected+1… are compared (cache, then the
 *   log); all match is idempotent, the first not matching is a wrong expected version, a later
 *   one CorruptedIdempotency. Content is never compared, only ids.
 * - an exact version above the current one: wrong expected version; equal: write.
 */
export function checkCommit(
  stream: StreamFacts,
  expected: Expected,
  eventIds: readonly string[],
  cache: CommittedIds,
): CommitDecision {
  const { current } = stream;
  if (current === DELETED_STREAM) return { kind: 'deleted' };
  if (expected.kind === 'stream_exists') {
    if (stream.softDeleted) return { kind: 'deleted' };
    if (current < 0n && !stream.hasMetadata) return { kind: 'wrong_expected_version', current };
  }
  if (expected.kind === 'any' || expected.kind === 'stream_exists') return checkByCache(stream, eventIds, cache);
  const expectedVersion = expectedNumber(expected);
  if (expectedVersion < current) return checkAfter(stream, expectedVersion, eventIds, cache);
  if (expectedVersion > current) return { kind: 'wrong_expected_version', current };
  return { kind: 'ok' };
}

function checkByCache(stream: StreamFacts, eventIds: readonly string[], cache: CommittedIds): CommitDecision {
  let last: bigint | undefined;
  for (const [i, id] of eventIds.entries()) {
    const found = cache.get(id);
    if (found === undefined || found.streamId !== stream.streamId) {
      return i === 0 ? { kind: 'ok' } : { kind: 'corrupted_idempotency', current: stream.current };
    }
    last = found.revision;
  }
  return last === undefined ? { kind: 'ok' } : { kind: 'idempotent', lastRevision: last };
}

function checkAfter(
  stream: StreamFacts,
  expectedVersion: bigint,
  eventIds: readonly string[],
  cache: CommittedIds,
): CommitDecision {
  let revision = expectedVersion;
  for (const [i, id] of eventIds.entries()) {
    revision += 1n;
    const cached = cache.get(id);
    const matches =
      (cached !== undefined && cached.streamId === stream.streamId && cached.revision === revision) ||
      stream.records.some((record) => record.revision === revision && record.eventId === id);
    if (!matches)
      return i === 0
        ? { kind: 'wrong_expected_version', current: stream.current }
        : { kind: 'corrupted_idempotency', current: stream.current };
  }
  return { kind: 'idempotent', lastRevision: revision };
}
