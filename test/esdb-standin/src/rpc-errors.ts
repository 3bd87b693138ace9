import { Metadata, status, type ServiceError } from '@grpc/grpc-js';

/**
 * TEST STAND-IN, not a product store. The error statuses of EventStoreDB's gRPC API
 * (EventStore/EventStore src/EventStore.Core/Services/Transport/Grpc/RpcExceptions.cs): a code,
 * a message, and trailers whose `exception` key the client maps to its typed errors
 * (@eventstore/db-client dist/utils/CommandError.js, convertToCommandError).
 */
function rpcError(code: status, details: string, trailers: Record<string, string>): ServiceError {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

/** RpcExceptions.StreamDeleted. */
export function streamDeleted(streamName: string): ServiceError {
  return rpcError(status.FAILED_PRECONDITION, `Event stream '${streamName}' is deleted.`, {
    exception: 'stream-deleted',
    'stream-name': streamName,
  });
}

/**
 * RpcExceptions.WrongExpectedVersion, as unary calls (delete, tombstone) report it: the expected
 * version as the server's raw number (-1 no stream, -2 any, -4 stream exists) and the actual one
 * as a number too (-1 for a stream that does not exist).
 */
export function wrongExpectedVersion(streamName: string, expected: bigint, actual: bigint): ServiceError {
  return rpcError(
    status.FAILED_PRECONDITION,
    `Append failed due to WrongExpectedVersion. Stream: ${streamName}, Expected version: ${expected}, Actual version: ${actual}`,
    {
      exception: 'wrong-expected-version',
      'stream-name': streamName,
      'expected-version': expected.toString(),
      'actual-version': actual.toString(),
    },
  );
}

/** RpcExceptions.MaxAppendSizeExceeded. */
export function maxAppendSizeExceeded(maxAppendSize: number): ServiceError {
  return rpcError(status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
    exception: 'maximum-append-size-exceeded',
    'maximum-append-size': String(maxAppendSize),
  });
}

/** ReadResponseException.InvalidPosition / RpcExceptions.InvalidPositionException: no typed client error. */
export function invalidPosition(): ServiceError {
  return rpcError(status.INVALID_ARGUMENT, 'The specified position is invalid.', {});
}

export function unimplemented(what: string): ServiceError {
  return rpcError(status.UNIMPLEMENTED, `${what} is not part of the EventStoreDB test stand-in`, {});
}
