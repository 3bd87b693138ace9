import type { EventStore, RecordedEvent } from '@presales/event-store';
import { LinkIndex } from './link-index.js';

/** Why a stream belongs to a bid's history. */
export const LINK_KINDS = ['tender', 'opportunity', 'quote', 'warroom', 'assignment'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** The streams a tender's dispute may need, found from the events themselves. */
export interface LinkedStreams {
  readonly tenderStream: string;
  readonly opportunityStream: string;
  /** Quotes naming the tender or its opportunity. */
  readonly quoteStreams: readonly string[];
  /** War rooms naming the tender or its opportunity. */
  readonly warRoomStreams: readonly string[];
  /** Consultant stream → the ids of their assignments to the opportunity. */
  readonly assignments: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Finds the streams linked to a tender: a LinkIndex kept by the caller, or a one-off read of the log. */
export type LinkFinder = (tenderId: string, opportunityId: string) => Promise<LinkedStreams>;

/** A one-off LinkIndex: reads the whole `$all` log for this one question. */
export function findLinkedStreams(store: Pick<EventStore, 'readAll' | 'health'>, tenderId: string, opportunityId: string): Promise<LinkedStreams> {
  return new LinkIndex(store).linksOf(tenderId, opportunityId);
}

/** Whether a consultant's event is about one of the given assignments (assigned or released). */
export function isAssignmentEvent(event: RecordedEvent, assignmentIds: ReadonlySet<string>): boolean {
  if (event.type !== 'ConsultantAssigned' && event.type !== 'ConsultantReleased') return false;
  const id = event.data['assignmentId'];
  return typeof id === 'string' && assignmentIds.has(id);
}
