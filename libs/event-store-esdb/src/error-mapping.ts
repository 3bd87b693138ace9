import {
  MaxAppendSizeExceededError as EsdbMaxAppendSizeExceeded,
  StreamDeletedError as EsdbStreamDeleted,
  StreamNotFoundError as EsdbStreamNotFound,
  WrongExpectedVersionError as EsdbWrongExpectedVersion,
} from '@eventstore/db-client';
import {
  AppendTooLargeError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type ExpectedRevision,
} from '@presales/event-store';

/**
 * The client's errors as the port's typed errors, so callers (and the HTTP error filter) see
 * the same failures from either adapter. Anything else passes through unchanged.
 */
export function toPortError(error: unknown, streamId: string, expected?: ExpectedRevision): unknown {
  if (error instanceof EsdbWrongExpectedVersion) {
    // Unary calls (delete, tombstone) report a missing stream as actual version -1, appends as 'no_stream'.
    const actual = error.actualVersion === 'no_stream' || error.actualVersion < 0n ? undefined : error.actualVersion;
    return new WrongExpectedVersionError(streamId, expected ?? portExpected(error.expectedVersion), actual);
  }
  if (error instanceof EsdbStreamNotFound) return new StreamNotFoundError(streamId);
  if (error instanceof EsdbStreamDeleted) return new StreamDeletedError(streamId);
  if (error instanceof EsdbMaxAppendSizeExceeded) return new AppendTooLargeError(streamId, error.maxAppendSize);
  return error;
}

/** Runs a client call and rethrows its failure as the port's error. */
export async function portErrors<T>(streamId: string, call: () => Promise<T>, expected?: ExpectedRevision): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toPortError(error, streamId, expected);
  }
}

/** Unary calls carry the server's raw numbers for the special expectations. */
function portExpected(expected: ExpectedRevision): ExpectedRevision {
  if (expected === -1n) return 'no_stream';
  if (expected === -2n) return 'any';
  if (expected === -4n) return 'stream_exists';
  return expected;
}
