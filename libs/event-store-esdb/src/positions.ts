import type { Position } from '@eventstore/db-client';

/**
 * The port's `$all` position is one bigint; EventStoreDB's is {commit, prepare}. The commit
 * position is the event's own log position (a byte offset), unique per event and ordered; the
 * prepare position is that of the first event of its append (Streams.Read.cs,
 * ConvertToRecordedEvent), so it is neither stored nor compared. Reading from {p, p} works:
 * the server compares (LogPosition, LogPosition) (AllReader). Position 0n, the port's "before
 * everything", maps to the start of `$all`.
 */
export function toPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

/**
 * Client 6.2 turns a missing position into 0 (protobuf defaults), and no user event sits at
 * offset 0, where the server's own first record is; so 0 means a server older than 22.6,
 * whose stream reads carry no positions.
 */
export function fromPosition(position: Position | undefined, context: string): bigint {
  if (position === undefined || position.commit === 0n) {
    throw new Error(
      `${context}: EventStoreDB returned no log position; stream reads carry one from server version 22.6 on — upgrade the server`,
    );
  }
  return position.commit;
}
