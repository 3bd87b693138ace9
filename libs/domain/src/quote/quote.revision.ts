import { NotFoundError } from '../shared/errors.js';
import { notCreated } from '../shared/rules.js';
import type { QuoteFacts, QuoteRevisionState, QuoteState } from './quote.state.js';

export interface OpenQuoteRevision {
  readonly quote: QuoteFacts;
  readonly revision: QuoteRevisionState;
  readonly latest: number;
}

/**
 * Revision `number` of an open quote, or the NotFoundError naming what is missing. Shared by the
 * rules and by decide, which needs the revision's lines to derive the margin.
 */
export function revisionOf(
  state: Extract<QuoteState, { status: 'none' | 'open' }>,
  number: number,
  quoteId: string,
  eventType: string,
): OpenQuoteRevision {
  if (state.status === 'none') throw notCreated(`quote ${quoteId}`, eventType, 'QuoteDrafted');
  const revision = state.revisions[number];
  if (revision === undefined)
    throw new NotFoundError(
      `quote ${quoteId} revision ${number}`,
      `${eventType} names a revision that was never drafted`,
    );
  return { quote: state.quote, revision, latest: state.revisions.length - 1 };
}
