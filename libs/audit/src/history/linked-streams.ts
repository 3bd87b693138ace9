import { streamName } from '@presales/domain';
import type { EventStore, RecordedEvent } from '@presales/event-store';

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

/** The event types that create a link; everything else follows from the linked streams. */
const LINKING_TYPES = ['QuoteDrafted', 'WarRoomOpened', 'ConsultantAssigned'];
const PAGE = 5000;

/**
 * References across streams are not checked by the domain (docs/decisions/0006), so links are
 * found by reading what the events say, across the whole `$all` log: a quote may be drafted
 * before the tender arrives and a consultant assigned before either. One filtered pass, paged so
 * memory stays at one page; the store, not the read models, is the source (a read model could
 * have been edited without leaving a trace).
 */
export async function findLinkedStreams(store: Pick<EventStore, 'readAll'>, tenderId: string, opportunityId: string): Promise<LinkedStreams> {
  const quotes = new Set<string>();
  const warRooms = new Set<string>();
  const assignments = new Map<string, Set<string>>();
  const names = (data: RecordedEvent['data']) => data['tenderId'] === tenderId || data['opportunityId'] === opportunityId;
  let from = 0n;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: PAGE, filter: { eventTypes: LINKING_TYPES } });
    for (const event of page) {
      if (event.type === 'QuoteDrafted' && names(event.data)) quotes.add(event.streamId);
      else if (event.type === 'WarRoomOpened' && names(event.data)) warRooms.add(event.streamId);
      else if (event.type === 'ConsultantAssigned' && event.data['opportunityId'] === opportunityId && typeof event.data['assignmentId'] === 'string') {
        const ids = assignments.get(event.streamId) ?? new Set<string>();
        assignments.set(event.streamId, ids.add(event.data['assignmentId']));
      }
    }
    if (page.length < PAGE) break;
    from = page[page.length - 1]!.position + 1n;
  }
  return {
    tenderStream: streamName('tender', tenderId),
    opportunityStream: streamName('opportunity', opportunityId),
    quoteStreams: [...quotes],
    warRoomStreams: [...warRooms],
    assignments,
  };
}

/** Whether a consultant's event is about one of the given assignments (assigned or released). */
export function isAssignmentEvent(event: RecordedEvent, assignmentIds: ReadonlySet<string>): boolean {
  if (event.type !== 'ConsultantAssigned' && event.type !== 'ConsultantReleased') return false;
  const id = event.data['assignmentId'];
  return typeof id === 'string' && assignmentIds.has(id);
}
