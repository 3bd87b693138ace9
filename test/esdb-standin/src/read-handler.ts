import type { ServerWritableStream } from '@grpc/grpc-js';
import type { streamsPb } from './generated.js';
import { readEvent, streamName, streamNotFound } from './messages.js';
import { allFromOf, countOf, directionOf, filterOf, streamFromOf } from './read-options.js';
import { readAll, readStream } from './reads.js';
import { invalidPosition, streamDeleted, unimplemented } from './rpc-errors.js';
import type { StandinStore } from './standin-store.js';
import { subscribeToAll } from './subscription.js';

type Call = ServerWritableStream<InstanceType<typeof streamsPb.ReadReq>, InstanceType<typeof streamsPb.ReadResp>>;

/**
 * TEST STAND-IN, not a product store. Streams.Read (EventStore/EventStore
 * src/EventStore.Core/Services/Transport/Grpc/Streams.Read.cs): one server-streaming call for
 * stream reads, `$all` reads and subscriptions. A stream that does not exist is a StreamNotFound
 * message, a tombstoned one an error status; an invalid `$all` position an error status.
 */
export function readHandler(store: StandinStore) {
  return (call: Call): void => {
    const options = call.request.getOptions()!;
    if (options.hasSubscription()) {
      if (!options.hasAll()) {
        call.emit('error', unimplemented('a subscription to one stream'));
        return;
      }
      subscribeToAll(store, call, allFromOf(options), filterOf(options));
      return;
    }
    if (options.hasAll()) {
      const result = readAll(store, allFromOf(options), directionOf(options), countOf(options), filterOf(options));
      if (result.kind === 'invalid_position') {
        call.emit('error', invalidPosition());
        return;
      }
      for (const record of result.records) call.write(readEvent(record, true));
      call.end();
      return;
    }
    const stream = streamName(options.getStream()!.getStreamIdentifier());
    const result = readStream(store, stream, streamFromOf(options), directionOf(options), countOf(options));
    if (result.kind === 'deleted') {
      call.emit('error', streamDeleted(stream));
      return;
    }
    if (result.kind === 'not_found') call.write(streamNotFound(stream));
    else for (const record of result.events) call.write(readEvent(record, false));
    call.end();
  };
}
