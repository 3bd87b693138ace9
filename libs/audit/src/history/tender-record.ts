import { NotFoundError, streamName } from '@presales/domain';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@presales/event-store';
import { UnreadableEventError } from '../errors.js';

/** A tender's stream as stored, with what its opening event says. */
export interface TenderRecord {
  readonly tenderId: string;
  readonly streamId: string;
  readonly events: readonly RecordedEvent[];
  readonly opportunityId: string;
  readonly deadline: string;
}

/**
 * Reads `tender-<id>` and the two facts every audit of it starts from. NotFoundError (404) when
 * the store has no such tender; UnreadableEventError (422) when revision 0 is not a readable
 * TenderReceived, which only an edit of the file can produce.
 */
export async function readTenderRecord(store: Pick<EventStore, 'readStream'>, tenderId: string): Promise<TenderRecord> {
  const streamId = streamName('tender', tenderId);
  let events: RecordedEvent[];
  try {
    events = await store.readStream(streamId);
  } catch (error) {
    if (error instanceof StreamNotFoundError)
      throw new NotFoundError(`tender ${tenderId}`, `no ${streamId} stream in the event store`);
    throw error;
  }
  const opening = events[0]!;
  const { opportunityId, deadline } = opening.data;
  if (opening.type !== 'TenderReceived' || typeof opportunityId !== 'string' || typeof deadline !== 'string') {
    throw new UnreadableEventError(
      streamId,
      opening.revision,
      `expected TenderReceived with opportunityId and deadline, found ${opening.type}`,
    );
  }
  return { tenderId, streamId, events, opportunityId, deadline };
}
