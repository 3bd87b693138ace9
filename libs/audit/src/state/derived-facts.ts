import {
  compareUtcTimes,
  isLateSubmission,
  quoteTotals,
  type CurrencyCode,
  type DomainEvent,
  type Money,
  type QuoteLine,
  type StreamCategory,
} from '@presales/domain';
import type { RecordedEvent } from '@presales/event-store';

/** When a bid was submitted, as claimed (occurredAt) and as the store attests (recordedAt). */
export interface SubmissionTiming {
  readonly occurredAt: string;
  readonly recordedAt: string;
  /** The domain's `late`: the claimed business time after the deadline (docs/decisions/0006). */
  readonly claimedLate: boolean;
  /** The store's clock after the deadline: what a deadline proof rests on (DESIGN.md decision 4). */
  readonly recordedLate: boolean;
}

/** One quote revision's lines and the totals derived from them, never stored (DOMAIN.md). */
export interface QuoteRevisionFacts {
  readonly revision: number;
  readonly recordedAt: string;
  readonly lines: readonly QuoteLine[];
  readonly total: Money;
  readonly cost: Money;
  readonly margin: Money;
  readonly marginPct: string | null;
}

/** What the events imply beyond the decider's state, which keeps only what decisions need. */
export type DerivedFacts =
  | { readonly kind: 'tender'; readonly deadline: string | null; readonly submission: SubmissionTiming | null }
  | { readonly kind: 'quote'; readonly currency: string | null; readonly revisions: readonly QuoteRevisionFacts[] }
  | { readonly kind: 'none' };

/** `recorded[i]` is the stored form of `events[i]`. */
export function deriveFacts(
  category: StreamCategory,
  events: readonly DomainEvent[],
  recorded: readonly RecordedEvent[],
): DerivedFacts {
  if (category === 'tender') return tenderFacts(events, recorded);
  if (category === 'quote') return quoteFacts(events, recorded);
  return { kind: 'none' };
}

function tenderFacts(events: readonly DomainEvent[], recorded: readonly RecordedEvent[]): DerivedFacts {
  const received = events.find((event) => event.type === 'TenderReceived');
  const deadline = received?.type === 'TenderReceived' ? received.data.deadline : null;
  const submitted = events.findIndex((event) => event.type === 'BidSubmitted');
  if (deadline === null || submitted === -1) return { kind: 'tender', deadline, submission: null };
  const { occurredAt, recordedAt } = recorded[submitted]!.metadata;
  return {
    kind: 'tender',
    deadline,
    submission: {
      occurredAt,
      recordedAt,
      claimedLate: isLateSubmission({ deadline }, occurredAt),
      recordedLate: compareUtcTimes(recordedAt, deadline) > 0,
    },
  };
}

function quoteFacts(events: readonly DomainEvent[], recorded: readonly RecordedEvent[]): DerivedFacts {
  const drafted = events.find((event) => event.type === 'QuoteDrafted');
  if (drafted?.type !== 'QuoteDrafted') return { kind: 'quote', currency: null, revisions: [] };
  const currency = drafted.data.currency as CurrencyCode;
  const revisions: QuoteRevisionFacts[] = [];
  events.forEach((event, index) => {
    if (event.type !== 'QuoteDrafted' && event.type !== 'QuoteRevised') return;
    const revision = event.type === 'QuoteDrafted' ? 0 : event.data.revision;
    const lines = event.data.lines as readonly QuoteLine[];
    const totals = quoteTotals(lines, currency);
    revisions.push({
      revision,
      recordedAt: recorded[index]!.metadata.recordedAt,
      lines,
      total: totals.total,
      cost: totals.cost,
      margin: totals.margin,
      marginPct: totals.marginPct,
    });
  });
  return { kind: 'quote', currency, revisions };
}
