import type { ServerDuplexStream } from '@grpc/grpc-js';
import type { Expected } from './commit-check.js';
import { anyPb, emptyPb, sharedPb, statusPb, streamsPb } from './generated.js';
import { proposedEvent, streamName } from './messages.js';
import type { ProposedEvent, StandinStore } from './standin-store.js';

type Request = InstanceType<typeof streamsPb.BatchAppendReq>;
type Response = InstanceType<typeof streamsPb.BatchAppendResp>;
type Options = InstanceType<typeof streamsPb.BatchAppendReq.Options>;

/** google.rpc.Code values the server puts in a batch's error status. */
const FAILED_PRECONDITION = 9;
const INVALID_ARGUMENT = 3;

interface PendingBatch {
  readonly options: Options;
  readonly events: ProposedEvent[];
  size: number;
}

function expectedOf(options: Options): Expected {
  if (options.hasStreamPosition()) return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  return { kind: 'any' };
}

/**
 * TEST STAND-IN, not a product store. Streams.BatchAppend (EventStore/EventStore
 * src/EventStore.Core/Services/Transport/Grpc/Streams.BatchAppend.cs), which client 6.2 uses
 * whenever the server lists it (servers 21.10+): one long-lived two-way call per client, each
 * append a correlation id whose messages arrive until `is_final`; the answer names the id and
 * carries success, or a google.rpc.Status whose details pack the typed error the client unpacks
 * (WrongExpectedVersion, StreamDeleted, MaximumAppendSizeExceeded). The size is summed as the
 * messages arrive, as the server's ClientWriteRequest does, against MaxAppendSize.
 */
export function batchAppendHandler(store: StandinStore, maxAppendSize: number) {
  return (call: ServerDuplexStream<Request, Response>): void => {
    const pending = new Map<string, PendingBatch>();
    call.on('data', (request: Request) => {
      const correlation = request.getCorrelationId()!.getString();
      let batch = pending.get(correlation);
      if (batch === undefined) {
        batch = { options: request.getOptions()!, events: [], size: 0 };
        pending.set(correlation, batch);
      }
      for (const message of request.getProposedMessagesList()) {
        const event = proposedEvent(message);
        batch.size += event.data.length + event.metadata.length + Buffer.byteLength(event.type);
        batch.events.push(event);
      }
      if (!request.getIsFinal()) return;
      pending.delete(correlation);
      void answer(store, maxAppendSize, correlation, batch).then((response) => call.write(response));
    });
    call.on('end', () => call.end());
  };
}

async function answer(
  store: StandinStore,
  maxAppendSize: number,
  correlation: string,
  batch: PendingBatch,
): Promise<Response> {
  const stream = streamName(batch.options.getStreamIdentifier());
  const response = new streamsPb.BatchAppendResp()
    .setCorrelationId(new sharedPb.UUID().setString(correlation))
    .setStreamIdentifier(batch.options.getStreamIdentifier());
  if (batch.size > maxAppendSize) {
    return response.setError(
      failure(
        INVALID_ARGUMENT,
        `Maximum Append Size of ${maxAppendSize} Exceeded.`,
        new sharedPb.MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize),
        'MaximumAppendSizeExceeded',
      ),
    );
  }
  const expected = expectedOf(batch.options);
  const outcome = await store.append(stream, expected, batch.events);
  if (outcome.kind === 'deleted') {
    return response.setError(
      failure(
        FAILED_PRECONDITION,
        `Event stream '${stream}' is deleted.`,
        new sharedPb.StreamDeleted().setStreamIdentifier(batch.options.getStreamIdentifier()),
        'StreamDeleted',
      ),
    );
  }
  if (outcome.kind === 'wrong_expected_version') {
    const details = new sharedPb.WrongExpectedVersion();
    if (outcome.current < 0n) details.setCurrentNoStream(new emptyPb.Empty());
    else details.setCurrentStreamRevision(outcome.current.toString());
    if (expected.kind === 'revision') details.setExpectedStreamPosition(expected.revision.toString());
    else if (expected.kind === 'no_stream') details.setExpectedNoStream(new emptyPb.Empty());
    else if (expected.kind === 'stream_exists') details.setExpectedStreamExists(new emptyPb.Empty());
    else details.setExpectedAny(new emptyPb.Empty());
    return response.setError(
      failure(
        FAILED_PRECONDITION,
        `Append failed due to WrongExpectedVersion. Stream: ${stream}`,
        details,
        'WrongExpectedVersion',
      ),
    );
  }
  const at = new sharedPb.AllStreamPosition()
    .setCommitPosition(outcome.position.toString())
    .setPreparePosition(outcome.position.toString());
  return response.setSuccess(
    new streamsPb.BatchAppendResp.Success().setCurrentRevision(outcome.lastRevision.toString()).setPosition(at),
  );
}

function failure(
  code: number,
  message: string,
  details: { serializeBinary(): Uint8Array },
  type: string,
): InstanceType<typeof statusPb.Status> {
  const packed = new anyPb.Any();
  packed.pack(details.serializeBinary(), `event_store.client.${type}`);
  return new statusPb.Status()
    .setCode(code)
    .setMessage(message)
    .setDetails(packed as never);
}
