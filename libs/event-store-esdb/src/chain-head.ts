import {
  BACKWARDS,
  END,
  jsonEvent,
  StreamNotFoundError as EsdbStreamNotFound,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { StreamNotFoundError, type StreamState } from '@presales/event-store';
import { drain } from './drain.js';
import { lastReadable } from './stream-reads.js';

/**
 * Where a stream's hash chain continues. The chain needs the hash of the stream's last event,
 * read under the same expected revision the append is then guarded by. EventStoreDB hides
 * that event after a soft delete, so this adapter's deleteStream first records the head in
 * `$chain-head-<stream>` (a system stream, never in the port's reads).
 */
export type ChainHead =
  | { readonly kind: 'new' }
  | { readonly kind: 'live'; readonly revision: bigint; readonly hash: string }
  | { readonly kind: 'soft_deleted'; readonly revision: bigint; readonly hash: string };

/** The stream's last event exists but cannot be read, so its hash cannot be chained to. */
export class ChainHeadHiddenError extends Error {
  constructor(
    readonly streamId: string,
    reason: string,
  ) {
    super(
      `stream ${streamId}: cannot continue the hash chain: ${reason}. ` +
        'Its last event is hidden ($maxAge expired it, or it was soft-deleted outside Presales Ledger); see docs/eventstoredb.md',
    );
    this.name = 'ChainHeadHiddenError';
  }
}

const RECORD_TYPE = 'ChainHead';

export function chainHeadStream(streamId: string): string {
  return `$chain-head-${streamId}`;
}

export function toStreamState(head: ChainHead): StreamState {
  return head.kind === 'new' ? { kind: 'absent' } : { kind: head.kind, lastRevision: head.revision };
}

export async function readChainHead(client: EventStoreDBClient, streamId: string): Promise<ChainHead> {
  let last;
  try {
    last = await lastReadable(client, streamId);
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error; // StreamDeletedError for a tombstone
    return readHiddenHead(client, streamId);
  }
  if (last !== undefined) return { kind: 'live', revision: last.revision, hash: last.metadata.hash };
  // Readable but empty: recreated by a metadata write after our soft delete, or expired by $maxAge.
  const recorded = await readRecordedHead(client, streamId);
  if (recorded === undefined) throw new ChainHeadHiddenError(streamId, 'the stream exists but no event is readable');
  return { kind: 'live', ...recorded };
}

/** A stream that reads as not found: new, or soft-deleted (by us, with a recorded head, or by someone else). */
async function readHiddenHead(client: EventStoreDBClient, streamId: string): Promise<ChainHead> {
  const [recorded, metadata] = await Promise.all([
    readRecordedHead(client, streamId),
    client.getStreamMetadata(streamId),
  ]);
  if (recorded !== undefined) return { kind: 'soft_deleted', ...recorded };
  if (metadata.metadata?.truncateBefore !== undefined)
    throw new ChainHeadHiddenError(streamId, 'it was soft-deleted without recording its head');
  return { kind: 'new' };
}

async function readRecordedHead(
  client: EventStoreDBClient,
  streamId: string,
): Promise<{ revision: bigint; hash: string } | undefined> {
  let records;
  try {
    records = await drain(
      client.readStream(chainHeadStream(streamId), {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
        requiresLeader: true,
      }),
    );
  } catch (error) {
    if (error instanceof EsdbStreamNotFound) return undefined;
    throw error;
  }
  const data = records[0]?.event?.data as { revision?: string; hash?: string } | undefined;
  return typeof data?.revision === 'string' && typeof data.hash === 'string'
    ? { revision: BigInt(data.revision), hash: data.hash }
    : undefined;
}

/**
 * Written just before a soft delete that is guarded by exactly this revision. Only the newest
 * record matters, so the stream is capped at one event (`$maxCount` set before the first record,
 * so a crash in between cannot leave it unbounded).
 */
export async function recordHead(
  client: EventStoreDBClient,
  streamId: string,
  head: { revision: bigint; hash: string },
): Promise<void> {
  const stream = chainHeadStream(streamId);
  if ((await readRecordedHead(client, streamId)) === undefined) await client.setStreamMetadata(stream, { maxCount: 1 });
  await client.appendToStream(
    stream,
    jsonEvent({ type: RECORD_TYPE, data: { revision: head.revision.toString(), hash: head.hash } }),
  );
}

/** The last revision the head stands for; -1 for a stream never written. */
export function headRevision(head: ChainHead): bigint {
  return head.kind === 'new' ? -1n : head.revision;
}
