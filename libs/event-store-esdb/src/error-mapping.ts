import {
  StreamDeletedError as EsdbStreamDeleted,
  StreamNotFoundError as EsdbStreamNotFound,
  WrongExpectedVersionError as EsdbWrongExpectedVersion,
} from '@eventstore/db-client';
import { StreamDeletedError, StreamNotFoundError, WrongExpectedVersionError, type ExpectedRevision } from '@presales/event-store';

/**
 * The client's errors as the port's typed errors, so callers (and the HTTP error filter) see
 * the same failures from either adapter. Anything else passes through unchanged.
 */
export function toPortError(error: unknown, streamId: string, expected?: ExpectedRevision): unknown {
  if (error instanceof EsdbWrongExpectedVersion) {
    const actual = error.actualVersion === 'no_stream' ? undefined : error.actualVersion;
    return new WrongExpectedVersionError(streamId, expected ?? error.expectedVersion, actual);
  }
  if (error instanceof EsdbStreamNotFound) return new StreamNotFoundError(streamId);
  if (error instanceof EsdbStreamDeleted) return new StreamDeletedError(streamId);
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
