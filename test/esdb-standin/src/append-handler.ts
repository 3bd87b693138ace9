import type { sendUnaryData, ServerReadableStream } from '@grpc/grpc-js';
import type { Expected } from './commit-check.js';
import { sharedPb, streamsPb } from './generated.js';
import { proposedEvent, streamName } from './messages.js';
import { maxAppendSizeExceeded, streamDeleted } from './rpc-errors.js';
import type { ProposedEvent, StandinStore } from './standin-store.js';

type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
type Options = InstanceType<typeof streamsPb.AppendReq.Options>;

/** ClusterVNodeOptions.MaxAppendSize's default: 1 MiB. */
export const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;

function expectedOf(options: Options): Expected {
  if (options.hasRevision()) return { kind: 'revision', revision: BigInt(options.getRevision()) };
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  return { kind: 'any' };
}

/**
 * TEST STAND-IN, not a product store. Streams.Append (EventStore/EventStore
 * src/EventStore.Core/Services/Transport/Grpc/Streams.Append.cs): the options, then one message
 * per event; the summed size of the events' data, metadata and type is checked as they arrive
 * against MaxAppendSize (RpcExceptions.MaxAppendSizeExceeded). A conflict is not an error
 * status but a WrongExpectedVersion answer carrying the current revision.
 */
export function appendHandler(store: StandinStore, maxAppendSize: number) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let options: Options | undefined;
    const events: ProposedEvent[] = [];
    let size = 0;
    let refused = false;
    call.on('data', (request: AppendReq) => {
      if (refused) return;
      if (request.hasOptions()) {
        options = request.getOptions();
        return;
      }
      const event = proposedEvent(request.getProposedMessage()!);
      size += event.data.length + event.metadata.length + Buffer.byteLength(event.type);
      if (size > maxAppendSize) {
        refused = true;
        callback(maxAppendSizeExceeded(maxAppendSize));
        return;
      }
      events.push(event);
    });
    call.on('end', () => {
      if (refused || options === undefined) return;
      const stream = streamName(options.getStreamIdentifier());
      const expected = expectedOf(options);
      store.append(stream, expected, events).then(
        (outcome) => {
          if (outcome.kind === 'deleted') return callback(streamDeleted(stream));
          callback(
            null,
            outcome.kind === 'written'
              ? success(outcome.lastRevision, outcome.position)
              : conflict(expected, outcome.current),
          );
        },
        (error: Error) => callback(error),
      );
    });
  };
}

/** WriteEvents.ClientSuccessMsg: the last revision and the log position of the append's last event, as commit and prepare. */
function success(lastRevision: bigint, position: bigint): AppendResp {
  const at = new streamsPb.AppendResp.Position()
    .setCommitPosition(position.toString())
    .setPreparePosition(position.toString());
  return new streamsPb.AppendResp().setSuccess(
    new streamsPb.AppendResp.Success().setCurrentRevision(lastRevision.toString()).setPosition(at),
  );
}

function conflict(expected: Expected, current: bigint): AppendResp {
  const answer = new streamsPb.AppendResp.WrongExpectedVersion();
  if (current < 0n) answer.setCurrentNoStream(new sharedPb.Empty());
  else answer.setCurrentRevision(current.toString());
  if (expected.kind === 'revision') answer.setExpectedRevision(expected.revision.toString());
  else if (expected.kind === 'no_stream') answer.setExpectedNoStream(new sharedPb.Empty());
  else if (expected.kind === 'stream_exists') answer.setExpectedStreamExists(new sharedPb.Empty());
  else answer.setExpectedAny(new sharedPb.Empty());
  return new streamsPb.AppendResp().setWrongExpectedVersion(answer);
}
