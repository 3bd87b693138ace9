import type { CurrencyCode } from '../money/currencies.js';
import type { Money } from '../money/money.js';
import { assertNever, type DeepReadonly } from '../shared/message.js';
import type { QuoteEvent } from './quote.events.js';
import type { QuoteLine } from './quote.line.js';

export interface QuoteFacts {
  readonly quoteId: string;
  readonly opportunityId: string;
  readonly currency: CurrencyCode;
}

export type RevisionApproval = 'not_requested' | 'requested' | 'approved' | 'rejected';

export interface QuoteRevisionState {
  readonly lines: readonly DeepReadonly<QuoteLine>[];
  readonly approval: RevisionApproval;
  readonly sent: boolean;
}

/** `accepted` and `declined` are final. Revisions are indexed by number: 0 is the draft. */
export type QuoteState =
  | { readonly status: 'none' }
  | { readonly status: 'open'; readonly quote: QuoteFacts; readonly revisions: readonly QuoteRevisionState[] }
  | {
      readonly status: 'accepted';
      readonly quote: QuoteFacts;
      readonly revision: number;
      readonly contractedAmount: Money;
    }
  | { readonly status: 'declined'; readonly quote: QuoteFacts };

export const initialQuoteState: QuoteState = { status: 'none' };

export function evolveQuote(state: QuoteState, event: QuoteEvent): QuoteState {
  if (event.type === 'QuoteDrafted') {
    const { quoteId, opportunityId, currency, lines } = event.data;
    return {
      status: 'open',
      quote: { quoteId, opportunityId, currency },
      revisions: [{ lines, approval: 'not_requested', sent: false }],
    };
  }
  if (state.status !== 'open') return state;
  const update = (revision: number, change: Partial<QuoteRevisionState>): QuoteState => ({
    ...state,
    revisions: state.revisions.map((current, index) => (index === revision ? { ...current, ...change } : current)),
  });
  switch (event.type) {
    case 'QuoteRevised':
      return {
        ...state,
        revisions: [...state.revisions, { lines: event.data.lines, approval: 'not_requested', sent: false }],
      };
    case 'QuoteApprovalRequested':
      return update(event.data.revision, { approval: 'requested' });
    case 'QuoteApproved':
      return update(event.data.revision, { approval: 'approved' });
    case 'QuoteApprovalRejected':
      return update(event.data.revision, { approval: 'rejected' });
    case 'QuoteSentToCustomer':
      return update(event.data.revision, { sent: true });
    case 'QuoteAccepted':
      return {
        status: 'accepted',
        quote: state.quote,
        revision: event.data.revision,
        contractedAmount: event.data.contractedAmount,
      };
    case 'QuoteDeclined':
      return { status: 'declined', quote: state.quote };
    default:
      return assertNever(event, 'quote event');
  }
}

/** The number the next QuoteRevised carries. */
export function nextQuoteRevision(state: QuoteState): number {
  return state.status === 'open' ? state.revisions.length : 1;
}
