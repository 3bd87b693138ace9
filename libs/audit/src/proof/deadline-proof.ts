import { compareUtcTimes, isLateSubmission } from '@presales/domain';
import type { EventStore, RecordedEvent } from '@presales/event-store';
import { readTenderRecord, type TenderRecord } from '../history/tender-record.js';
import { chainVerdictOf, type ChainVerdict } from '../verification/chain-verdict.js';

/**
 * `on_time` / `late`: the store's recordedAt against the deadline, on an intact chain.
 * `unproven`: the chain is broken, so no stamp in it can be relied on.
 */
export type DeadlineVerdict = 'on_time' | 'late' | 'unproven';

/** Whose clock stamped recordedAt: the store's, or the demo loader's (DESIGN.md decision 4's exception). */
export type RecordingClock = 'store' | 'demo';

export interface SubmissionRecord {
  readonly revision: string;
  readonly position: string;
  readonly eventId: string;
  /** Claimed by whoever recorded it (business time). */
  readonly occurredAt: string;
  /** Attested by the store at append, before hashing. */
  readonly recordedAt: string;
  readonly clock: RecordingClock;
  readonly documentSha256: string;
  readonly channel: string;
  readonly receiptRef: string | null;
  readonly actor: RecordedEvent['metadata']['actor'];
  readonly prevHash: string;
  readonly hash: string;
}

export type DeadlineProof =
  | {
      readonly tenderId: string;
      readonly status: 'not_submitted';
      readonly deadline: string;
      readonly chain: ChainVerdict;
    }
  | {
      readonly tenderId: string;
      readonly status: 'submitted';
      readonly deadline: string;
      readonly submission: SubmissionRecord;
      /** The domain's `late` flag: the claimed occurredAt after the deadline. */
      readonly claimedLate: boolean;
      /** recordedAt after the deadline. */
      readonly recordedLate: boolean;
      /** recordedAt − deadline in milliseconds: negative is the margin, positive how late. */
      readonly recordedAfterDeadlineMs: number;
      readonly verdict: DeadlineVerdict;
      /** The tender stream's chain, verified by the store against its head record. */
      readonly chain: ChainVerdict;
    };

/**
 * Proof for a submission: the deadline (from TenderReceived), the claimed and the attested
 * times, the submitted document's SHA-256, and whether the chain that carries them is intact.
 * Exactly at the deadline is on time; times compare exactly on their text, as the domain does.
 */
export async function deadlineProof(
  store: Pick<EventStore, 'readStream' | 'verifyStream'>,
  tenderId: string,
): Promise<DeadlineProof> {
  const tender = await readTenderRecord(store, tenderId);
  return deadlineProofOf(tender, chainVerdictOf(await store.verifyStream(tender.streamId)));
}

/** The proof from a tender's events as read and its stream's chain verdict. */
export function deadlineProofOf(tender: TenderRecord, chain: ChainVerdict): DeadlineProof {
  const { tenderId } = tender;
  const submitted = tender.events.find((event) => event.type === 'BidSubmitted');
  if (submitted === undefined) return { tenderId, status: 'not_submitted', deadline: tender.deadline, chain };
  const submission = submissionRecord(submitted);
  const recordedLate = compareUtcTimes(submission.recordedAt, tender.deadline) > 0;
  return {
    tenderId,
    status: 'submitted',
    deadline: tender.deadline,
    submission,
    claimedLate: isLateSubmission({ deadline: tender.deadline }, submission.occurredAt),
    recordedLate,
    recordedAfterDeadlineMs: Date.parse(submission.recordedAt) - Date.parse(tender.deadline),
    verdict: !chain.ok ? 'unproven' : recordedLate ? 'late' : 'on_time',
    chain,
  };
}

function submissionRecord(event: RecordedEvent): SubmissionRecord {
  const { data, metadata } = event;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    revision: event.revision.toString(),
    position: event.position.toString(),
    eventId: event.id,
    occurredAt: metadata.occurredAt,
    recordedAt: metadata.recordedAt,
    clock: (metadata as { demo?: unknown }).demo === true ? 'demo' : 'store',
    documentSha256: text(data['documentSha256']),
    channel: text(data['channel']),
    receiptRef: typeof data['receiptRef'] === 'string' ? data['receiptRef'] : null,
    actor: metadata.actor,
    prevHash: metadata.prevHash,
    hash: metadata.hash,
  };
}
