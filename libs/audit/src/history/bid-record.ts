import { StreamDeletedError, StreamNotFoundError, type EventStore, type RecordedEvent } from '@presales/event-store';
import { chainVerdictOf, type ChainVerdict } from '../verification/chain-verdict.js';
import { findLinkedStreams, isAssignmentEvent, type LinkFinder, type LinkKind } from './linked-streams.js';
import { readTenderRecord, type TenderRecord } from './tender-record.js';

/** One stream of a bid's record: what was read, which of it belongs to the bid, and its chain. */
export type BidStream =
  | {
      readonly streamId: string;
      readonly link: LinkKind;
      readonly readable: true;
      /** The whole stream as read, in revision order. */
      readonly events: readonly RecordedEvent[];
      /** Those of `events` that belong to the bid: all of them, except for a consultant's assignments. */
      readonly inHistory: readonly RecordedEvent[];
      /** The store's own verification: every event it holds, against the stream's head record. */
      readonly chain: ChainVerdict;
    }
  | { readonly streamId: string; readonly link: LinkKind; readonly readable: false; readonly reason: string };

export interface BidRecord {
  readonly tender: TenderRecord;
  readonly streams: readonly BidStream[];
}

/** What a bid's record is read from. */
export type BidRecordStore = Pick<EventStore, 'readStream' | 'readAll' | 'verifyStream' | 'health'>;
type AuditStore = Pick<EventStore, 'readStream' | 'verifyStream'>;

/**
 * Everything a dispute over one tender may need, read from the store and verified there. Links
 * come from `findLinks` (the platform keeps a LinkIndex) or, by default, a read of the whole log.
 */
export async function collectBidRecord(
  store: BidRecordStore,
  tenderId: string,
  findLinks?: LinkFinder,
): Promise<BidRecord> {
  const tender = await readTenderRecord(store, tenderId);
  const links = await (findLinks ?? ((t, o) => findLinkedStreams(store, t, o)))(tenderId, tender.opportunityId);
  const streams: BidStream[] = [await verified(store, tender.streamId, 'tender', tender.events, tender.events)];
  streams.push(await readLinked(store, links.opportunityStream, 'opportunity'));
  for (const streamId of links.quoteStreams) streams.push(await readLinked(store, streamId, 'quote'));
  for (const streamId of links.warRoomStreams) streams.push(await readLinked(store, streamId, 'warroom'));
  for (const [streamId, assignmentIds] of links.assignments) {
    streams.push(await readLinked(store, streamId, 'assignment', (event) => isAssignmentEvent(event, assignmentIds)));
  }
  return { tender, streams };
}

async function readLinked(
  store: AuditStore,
  streamId: string,
  link: LinkKind,
  belongs: (event: RecordedEvent) => boolean = () => true,
): Promise<BidStream> {
  let events: RecordedEvent[];
  try {
    events = await store.readStream(streamId);
  } catch (error) {
    // A tender may name an opportunity never registered (references are not checked), or a
    // linked stream may have been deleted: the history says so instead of failing.
    if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError)
      return { streamId, link, readable: false, reason: error.message };
    throw error;
  }
  return verified(store, streamId, link, events, events.filter(belongs));
}

async function verified(
  store: AuditStore,
  streamId: string,
  link: LinkKind,
  events: readonly RecordedEvent[],
  inHistory: readonly RecordedEvent[],
): Promise<BidStream> {
  return {
    streamId,
    link,
    readable: true,
    events,
    inHistory,
    chain: chainVerdictOf(await store.verifyStream(streamId)),
  };
}

/** The bid's events of every stream, merged in `$all` order. */
export function mergedInLogOrder(
  streams: readonly BidStream[],
): { readonly event: RecordedEvent; readonly link: LinkKind }[] {
  const merged = streams.flatMap((stream) =>
    stream.readable ? stream.inHistory.map((event) => ({ event, link: stream.link })) : [],
  );
  return merged.sort((a, b) =>
    a.event.position < b.event.position ? -1 : a.event.position > b.event.position ? 1 : 0,
  );
}
