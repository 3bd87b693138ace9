import { compareUtcTimes } from '@presales/domain';
import type { BidRecord } from '../history/bid-record.js';
import type { LinkKind } from '../history/linked-streams.js';
import type { DeadlineProof, DeadlineVerdict } from '../proof/deadline-proof.js';
import type { ChainVerdict } from '../verification/chain-verdict.js';

/** A stream's chain as the store verified it when the pack was made. */
export type PackChainFinding =
  | { readonly streamId: string; readonly link: LinkKind; readonly store: ChainVerdict }
  | { readonly streamId: string; readonly link: LinkKind; readonly unreadable: string };

export type PackDeadlineFinding =
  | { readonly status: 'not_submitted'; readonly deadline: string }
  | {
      readonly status: 'submitted';
      readonly deadline: string;
      readonly revision: string;
      readonly occurredAt: string;
      readonly recordedAt: string;
      readonly documentSha256: string;
      readonly claimedLate: boolean;
      readonly recordedLate: boolean;
      readonly verdict: DeadlineVerdict;
    };

export interface QuoteRevisedAfterSubmission {
  readonly streamId: string;
  /** The QuoteRevised event's stream revision. */
  readonly revision: string;
  /** The quote revision it introduced (1, 2, …). */
  readonly quoteRevision: number | null;
  readonly recordedAt: string;
}

/**
 * The platform's verdicts, written into the pack as findings.json. The pack's own verifier
 * recomputes each from events.jsonl and says whether it agrees, so a reader trusts the events,
 * not the platform's word.
 */
export interface PackFindings {
  readonly chains: readonly PackChainFinding[];
  readonly deadline: PackDeadlineFinding;
  /** Quote revisions the store recorded after the bid's submission: the offer changed after the fact. */
  readonly quoteRevisionsAfterSubmission: readonly QuoteRevisedAfterSubmission[];
}

export function packFindings(record: BidRecord, proof: DeadlineProof): PackFindings {
  const submittedAt = proof.status === 'submitted' ? proof.submission.recordedAt : undefined;
  return {
    chains: record.streams.map((stream) =>
      stream.readable
        ? { streamId: stream.streamId, link: stream.link, store: stream.chain }
        : { streamId: stream.streamId, link: stream.link, unreadable: stream.reason },
    ),
    deadline:
      proof.status === 'not_submitted'
        ? { status: 'not_submitted', deadline: proof.deadline }
        : {
            status: 'submitted',
            deadline: proof.deadline,
            revision: proof.submission.revision,
            occurredAt: proof.submission.occurredAt,
            recordedAt: proof.submission.recordedAt,
            documentSha256: proof.submission.documentSha256,
            claimedLate: proof.claimedLate,
            recordedLate: proof.recordedLate,
            verdict: proof.verdict,
          },
    quoteRevisionsAfterSubmission:
      submittedAt === undefined
        ? []
        : record.streams.flatMap((stream) =>
            stream.readable && stream.link === 'quote'
              ? stream.inHistory
                  .filter(
                    (event) =>
                      event.type === 'QuoteRevised' && compareUtcTimes(event.metadata.recordedAt, submittedAt) > 0,
                  )
                  .map((event) => ({
                    streamId: event.streamId,
                    revision: event.revision.toString(),
                    quoteRevision: typeof event.data['revision'] === 'number' ? event.data['revision'] : null,
                    recordedAt: event.metadata.recordedAt,
                  }))
              : [],
          ),
  };
}
