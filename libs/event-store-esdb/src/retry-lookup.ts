import type { EventStoreDBClient } from '@eventstore/db-client';
import {
  DuplicateEventIdError,
  type AppendResult,
  type EventToAppend,
  type ExpectedRevision,
  type WrongExpectedVersionError,
} from '@presales/event-store';
import type { ChainHead } from './chain-head.js';
import { compareBatch, resultOf } from './retry-detection.js';
import { readStreamEvents } from './stream-reads.js';

/**
 * How far back an `any` or `stream_exists` retry is looked for, beyond the batch itself.
 * EventStoreDB keeps no index by event id; its own `any` idempotency is a per-node cache of
 * recent ids (IndexWriter `_committedEvents`, 8 MiB), which the adapter's exact guard bypasses.
 * This window plays that role: a retry is recognised while its first event is among the
 * stream's last `batch + RETRY_WINDOW` events (docs/decisions/0025).
 */
export const RETRY_WINDOW = 100;

/**
 * The expected revision does not match. If the events right after it are this batch, the
 * call is a retry of an append that succeeded: answer as the first time. Otherwise the
 * conflict stands, or, if the ids were used for other content, it is a duplicate id.
 */
export async function retryAfterConflict(
  client: EventStoreDBClient,
  streamId: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
  conflict: WrongExpectedVersionError,
): Promise<AppendResult> {
  if (expected === 'any' || expected === 'stream_exists') throw conflict;
  const from = expected === 'no_stream' ? undefined : expected + 1n;
  let recorded;
  try {
    recorded = await readStreamEvents(client, streamId, {
      ...(from === undefined ? {} : { fromRevision: from }),
      maxCount: events.length,
    });
  } catch {
    throw conflict; // deleted or gone meanwhile: the conflict is the answer
  }
  const verdict = compareBatch(recorded, events);
  if (verdict === 'same') return resultOf(recorded);
  if (verdict === 'other_ids') throw conflict;
  throw new DuplicateEventIdError(events[0]!.id, streamId);
}

/**
 * An `any` / `stream_exists` retry: the batch's first id among the stream's recent events,
 * wherever later appends pushed it. Found with the same content: the first answer. Found with
 * other content, or only part of the batch: a duplicate id. Not found: a new append.
 */
export async function findRecentRetry(
  client: EventStoreDBClient,
  streamId: string,
  events: readonly EventToAppend[],
  head: ChainHead,
): Promise<AppendResult | undefined> {
  if (head.kind !== 'live') return undefined;
  const recent = await readStreamEvents(client, streamId, {
    direction: 'backwards',
    maxCount: events.length + RETRY_WINDOW,
  });
  const ids = new Set(events.map((event) => event.id));
  const first = recent.find((event) => event.id === events[0]!.id);
  if (first === undefined) {
    if (recent.some((event) => ids.has(event.id))) throw new DuplicateEventIdError(events[0]!.id, streamId);
    return undefined;
  }
  const batch = recent
    .filter((event) => event.revision >= first.revision && event.revision < first.revision + BigInt(events.length))
    .reverse();
  const verdict = compareBatch(batch, events);
  if (verdict === 'same') return resultOf(batch);
  throw new DuplicateEventIdError(events[0]!.id, streamId);
}
