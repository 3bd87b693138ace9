import type { EventStore, RecordedEvent } from '@presales/event-store';
import { RevisionOutOfRangeError } from '../errors.js';
import { passesMoment, prefixLength, type Moment } from './moment.js';

const PAGE = 2000;

/**
 * The stream's events from its start through `moment`, read page by page and no further than
 * needed: an as-of early in a long stream reads only its beginning. The last page may run past
 * the moment; `prefixAt` cuts it. StreamNotFoundError (404) for a stream the store does not have.
 */
export async function readThrough(
  store: Pick<EventStore, 'readStream'>,
  streamId: string,
  moment: Moment,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let fromRevision = 0n;
  for (;;) {
    const page = await store.readStream(streamId, { fromRevision, maxCount: PAGE });
    events.push(...page);
    if (page.length < PAGE || passesMoment(page, moment)) break;
    fromRevision = page[page.length - 1]!.revision + 1n;
  }
  return events;
}

/** The events a moment covers: a prefix of `events`. */
export function prefixAt(streamId: string, events: readonly RecordedEvent[], moment: Moment): readonly RecordedEvent[] {
  const length = prefixLength(events, moment);
  if (length === undefined) {
    const revision = moment.kind === 'revision' ? moment.revision : -1n;
    throw new RevisionOutOfRangeError(streamId, revision, {
      first: events[0]?.revision ?? 0n,
      last: events[events.length - 1]?.revision ?? -1n,
    });
  }
  return events.slice(0, length);
}
