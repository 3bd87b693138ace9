import { BACKWARDS, END, FORWARDS, START, type EventStoreDBClient } from '@eventstore/db-client';
import type { ReadStreamOptions, RecordedEvent } from '@presales/event-store';
import { decodeEvent } from './envelope-codec.js';
import { toPortError } from './error-mapping.js';

/** A stream read with the port's options and errors, read whole; EventStoreDB applies deletes, `$maxCount`, `$maxAge`. */
export async function readStreamEvents(
  client: EventStoreDBClient,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const events: RecordedEvent[] = [];
  try {
    const read = client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision ?? (backwards ? END : START),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      // Heads, tails and retries must be the leader's: a follower's stale head would fail every guard.
      requiresLeader: true,
    });
    for await (const resolved of read) {
      const event = decodeEvent(resolved);
      if (event !== undefined) events.push(event);
    }
  } catch (error) {
    throw toPortError(error, streamId);
  }
  return events;
}

/** The newest readable event, `undefined` if every event is hidden; port errors for missing or deleted streams. */
export async function lastReadable(client: EventStoreDBClient, streamId: string): Promise<RecordedEvent | undefined> {
  const [last] = await readStreamEvents(client, streamId, { direction: 'backwards', maxCount: 1 });
  return last;
}
