import { Decimal } from '../money/decimal.js';
import { IllegalStateError } from '../shared/errors.js';
import { assertNever } from '../shared/message.js';
import { checkAddressee, checkCreation, notCreated } from '../shared/rules.js';
import type { QuoteEvent } from './quote.events.js';
import { repeatedLineId } from './quote.line.js';
import { revisionOf } from './quote.revision.js';
import type { QuoteState } from './quote.state.js';
import { quoteTotals } from './quote.totals.js';

/**
 * DOMAIN.md: only an approved revision can be sent; only a sent revision can be accepted; totals
 * and margin are derived. Beyond it: revisions are numbered 1, 2, … in order; approval is asked
 * for the latest revision, once, and answered once; the recorded marginPct is the one derived from
 * the lines; each set of lines names a lineId once; the contracted amount is in the quote's currency; a quote is declined only after
 * something was sent; accepted and declined quotes accept nothing.
 */
export function checkQuoteEvent(state: QuoteState, event: QuoteEvent, quoteId: string): void {
  const subject = `quote ${quoteId}`;
  const reject = (rule: string, fields: readonly string[] = []) => new IllegalStateError(subject, rule, fields);
  const checkLines = (lines: readonly { readonly lineId: string }[]) => {
    const repeated = repeatedLineId(lines);
    if (repeated !== undefined) throw reject(`${event.type} lists line ${repeated} twice: each lineId once`, ['lines']);
  };
  if (event.type === 'QuoteDrafted') {
    checkCreation('quote', quoteId, state.status !== 'none', event.type, event.data.quoteId);
    return checkLines(event.data.lines);
  }
  assertOpenQuote(state, event.type, quoteId);
  switch (event.type) {
    case 'QuoteRevised': {
      const expected = state.revisions.length;
      if (event.data.revision !== expected)
        throw reject(`QuoteRevised numbers revision ${event.data.revision}, but the next revision is ${expected}`);
      return checkLines(event.data.lines);
    }
    case 'QuoteApprovalRequested': {
      const { revision, latest, quote } = revisionOf(state, event.data.revision, quoteId, event.type);
      if (event.data.revision !== latest)
        throw reject(`approval requested for revision ${event.data.revision}, superseded by revision ${latest}`);
      if (revision.approval !== 'not_requested')
        throw reject(`approval of revision ${event.data.revision} already requested (${revision.approval})`);
      return checkMargin(
        subject,
        event.type,
        event.data.marginPct,
        derivedMarginPct(revision.lines, quote.currency, subject, event.data.revision),
      );
    }
    case 'QuoteApproved':
    case 'QuoteApprovalRejected': {
      const { revision, quote } = revisionOf(state, event.data.revision, quoteId, event.type);
      if (revision.approval !== 'requested')
        throw reject(`${event.type} for revision ${event.data.revision} without a pending approval request`);
      if (event.type === 'QuoteApproved') {
        checkMargin(
          subject,
          event.type,
          event.data.marginPct,
          derivedMarginPct(revision.lines, quote.currency, subject, event.data.revision),
        );
      }
      return;
    }
    case 'QuoteSentToCustomer': {
      const { revision, latest } = revisionOf(state, event.data.revision, quoteId, event.type);
      if (revision.approval !== 'approved') {
        throw reject(
          `only an approved revision can be sent: revision ${event.data.revision} is ${revision.approval.replace('_', ' ')}`,
        );
      }
      if (event.data.revision !== latest)
        throw reject(`revision ${event.data.revision} was superseded by revision ${latest}`);
      if (revision.sent) throw reject(`revision ${event.data.revision} already sent`);
      return;
    }
    case 'QuoteAccepted': {
      const { revision, quote } = revisionOf(state, event.data.revision, quoteId, event.type);
      if (!revision.sent)
        throw reject(`only a sent revision can be accepted: revision ${event.data.revision} was not sent`);
      if (event.data.contractedAmount.currency !== quote.currency) {
        throw reject(`contractedAmount is in ${event.data.contractedAmount.currency}, the quote in ${quote.currency}`, [
          'contractedAmount.currency',
        ]);
      }
      return;
    }
    case 'QuoteDeclined':
      if (!state.revisions.some((revision) => revision.sent))
        throw reject('QuoteDeclined before any revision was sent');
      return;
    default:
      assertNever(event, 'quote event');
  }
}

/** The quote exists, is the one addressed, and is neither accepted nor declined. */
export function assertOpenQuote(
  state: QuoteState,
  eventType: string,
  quoteId: string,
): asserts state is Extract<QuoteState, { status: 'open' }> {
  if (state.status === 'none') throw notCreated(`quote ${quoteId}`, eventType, 'QuoteDrafted');
  checkAddressee(`quote ${state.quote.quoteId}`, state.quote.quoteId, quoteId, eventType);
  if (state.status !== 'open')
    throw new IllegalStateError(`quote ${quoteId}`, `${eventType} after the quote was ${state.status}`);
}

/** The margin a revision's lines give, or a rejection when the total is 0 and there is none. */
export function derivedMarginPct(
  lines: Parameters<typeof quoteTotals>[0],
  currency: Parameters<typeof quoteTotals>[1],
  subject: string,
  revision: number,
): string {
  const { marginPct } = quoteTotals(lines, currency);
  if (marginPct === null)
    throw new IllegalStateError(subject, `revision ${revision} totals 0: there is no margin to approve`);
  return marginPct;
}

function checkMargin(subject: string, eventType: string, recorded: string, derived: string): void {
  if (!Decimal.parse(recorded).equals(Decimal.parse(derived))) {
    throw new IllegalStateError(
      subject,
      `${eventType} records marginPct ${recorded}, but the lines give ${derived}: margin is derived, never entered`,
    );
  }
}
