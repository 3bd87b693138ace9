import { auditEventOf, type AuditEvent } from '../records/audit-event.js';
import type { ChainVerdict } from '../verification/chain-verdict.js';
import { collectBidRecord, mergedInLogOrder, type BidRecord, type BidRecordStore } from './bid-record.js';
import type { LinkFinder, LinkKind } from './linked-streams.js';

export type HistoryStream =
  | {
      readonly streamId: string;
      readonly link: LinkKind;
      readonly readable: true;
      readonly eventsInHistory: number;
      readonly chain: ChainVerdict;
    }
  | { readonly streamId: string; readonly link: LinkKind; readonly readable: false; readonly reason: string };

export interface HistoryEvent extends AuditEvent {
  readonly link: LinkKind;
}

/** Every event of a tender and of the streams linked to it, in `$all` order, with each stream's chain verdict. */
export interface BidHistory {
  readonly tenderId: string;
  readonly opportunityId: string;
  readonly streams: readonly HistoryStream[];
  readonly events: readonly HistoryEvent[];
}

export async function bidHistory(store: BidRecordStore, tenderId: string, findLinks?: LinkFinder): Promise<BidHistory> {
  return bidHistoryOf(await collectBidRecord(store, tenderId, findLinks));
}

export function bidHistoryOf(record: BidRecord): BidHistory {
  return {
    tenderId: record.tender.tenderId,
    opportunityId: record.tender.opportunityId,
    streams: record.streams.map((stream) =>
      stream.readable
        ? {
            streamId: stream.streamId,
            link: stream.link,
            readable: true,
            eventsInHistory: stream.inHistory.length,
            chain: stream.chain,
          }
        : stream,
    ),
    events: mergedInLogOrder(record.streams).map(({ event, link }) => ({ ...auditEventOf(event), link })),
  };
}
