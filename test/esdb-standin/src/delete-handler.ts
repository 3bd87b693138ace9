import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { expectedNumber, type Expected } from './commit-check.js';
import { streamsPb } from './generated.js';
import { streamName } from './messages.js';
import { streamDeleted, wrongExpectedVersion } from './rpc-errors.js';
import type { StandinStore } from './standin-store.js';

type DeleteReq = InstanceType<typeof streamsPb.DeleteReq>;
type TombstoneReq = InstanceType<typeof streamsPb.TombstoneReq>;
type DeleteOptions =
  InstanceType<typeof streamsPb.DeleteReq.Options> | InstanceType<typeof streamsPb.TombstoneReq.Options>;

function expectedOf(options: DeleteOptions): Expected {
  if (options.hasRevision()) return { kind: 'revision', revision: BigInt(options.getRevision()) };
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  return { kind: 'any' };
}

/**
 * TEST STAND-IN, not a product store. Streams.Delete and Streams.Tombstone (EventStore/EventStore
 * src/EventStore.Core/Services/Transport/Grpc/Streams.Delete.cs, Streams.Tombstone.cs): unary
 * calls whose conflicts come back as error statuses with the versions in the trailers, and whose
 * answer carries the position of the record written.
 */
export function deleteHandler(store: StandinStore, hard: boolean) {
  return async (
    call: ServerUnaryCall<DeleteReq | TombstoneReq, unknown>,
    callback: sendUnaryData<unknown>,
  ): Promise<void> => {
    const options = call.request.getOptions()!;
    const stream = streamName(options.getStreamIdentifier());
    const expected = expectedOf(options);
    const outcome = await store.delete(stream, expected, hard);
    if (outcome.kind === 'deleted') return callback(streamDeleted(stream));
    if (outcome.kind === 'wrong_expected_version')
      return callback(wrongExpectedVersion(stream, expectedNumber(expected), outcome.current));
    const at = outcome.position.toString();
    callback(
      null,
      hard
        ? new streamsPb.TombstoneResp().setPosition(
            new streamsPb.TombstoneResp.Position().setCommitPosition(at).setPreparePosition(at),
          )
        : new streamsPb.DeleteResp().setPosition(
            new streamsPb.DeleteResp.Position().setCommitPosition(at).setPreparePosition(at),
          ),
    );
  };
}
