import type { EventStore, RecordedEvent } from '@presales/event-store';
import { LinkIndex, type LinkedStreams } from './link-index.js';

export type { LinkedStreams } from './link-index.js';

/** Why a stream belongs to a bid's history. */
export const LINK_KINDS = ['tender', 'opportunity', 'quote', 'warroom', 'assignment'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Finds the streams linked to a tender: a LinkIndex kept by the caller, or a one-off read of the log. */
export type LinkFinder = (tenderId: string, opportunityId: string) => Promise<LinkedStreams>;

/** A one-off LinkIndex: reads the whole `$all` log for this one question. */
export function findLinkedStreams(
  store: Pick<EventStore, 'readAll' | 'health'>,
  tenderId: string,
  opportunityId: string,
): Promise<LinkedStreams> {
  return new LinkIndex(store).linksOf(tenderId, opportunityId);
}

/** Whether a consultant's event is about one of the given assignments (assigned or released). */
export function isAssignmentEvent(event: RecordedEvent, assignmentIds: ReadonlySet<string>): boolean {
  if (event.type !== 'ConsultantAssigned' && event.type !== 'ConsultantReleased') return false;
  const id = event.data['assignmentId'];
  return typeof id === 'string' && assignmentIds.has(id);
}
