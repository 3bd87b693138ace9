import type { Position } from '@eventstore/db-client';

/**
 * The port's `$all` position is one bigint; EventStoreDB's is {commit, prepare}. Events
 * appended through gRPC (EventStoreDB ≥ 20) have commit = prepare, so the commit position
 * alone identifies and orders them; it is mapped back as {p, p}. Position 0n, the port's
 * "before everything", maps to the start of `$all`.
 */
export function toPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

export function fromPosition(position: Position | undefined, context: string): bigint {
  if (position === undefined) {
    throw new Error(`${context}: EventStoreDB returned no log position; stream reads carry one from server version 22.6 on — upgrade the server`);
  }
  return position.commit;
}
