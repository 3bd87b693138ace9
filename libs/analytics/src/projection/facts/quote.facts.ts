import { quoteTotals, type CurrencyCode, type QuoteLine } from '@presales/domain';
import { SqlDecimal } from '../../analytics-store.port.js';
import type { RecordedEvent } from '@presales/event-store';
import type { EarlierEvent } from '../earlier-events.js';
import { col, moneyColumns, type EventData, type FactColumn, type ProjectionContext } from '../fact-columns.js';
import { factTable } from '../fact-table.js';

/** A revision is priced in the currency the quote was drafted in (QuoteRevised does not repeat it). */
const DRAFTED: EarlierEvent = { type: 'QuoteDrafted', fields: ['currency'] };

/**
 * Totals and margin of a set of lines, by the domain's own pure function (DOMAIN.md: derived,
 * never stored as truth in events). The currency decides the rounding to minor units.
 */
function totalsColumns(currencyOf: CurrencyOf, lookup?: EarlierEvent): FactColumn[] {
  const totals = (data: EventData, event: RecordedEvent, context: ProjectionContext) =>
    quoteTotals(data['lines'] as QuoteLine[], currencyOf(data, event, context) as CurrencyCode);
  return [
    {
      ...col.derived('currency', 'String', (d, e, c) => currencyOf(d, e, c)),
      ...(lookup && { copiedFrom: { lookup, column: 'currency' } }),
    },
    col.json('lines', 'lines'),
    col.count('line_count', 'lines'),
    col.derived('total', 'Decimal(38, 6)', (d, e, c) => new SqlDecimal(totals(d, e, c).total.amount)),
    col.derived('cost', 'Decimal(38, 6)', (d, e, c) => new SqlDecimal(totals(d, e, c).cost.amount)),
    col.derived('margin_pct', 'Nullable(Decimal(38, 6))', (d, e, c) => {
      const pct = totals(d, e, c).marginPct;
      return pct === null ? null : new SqlDecimal(pct);
    }),
  ];
}

type CurrencyOf = (data: EventData, event: RecordedEvent, context: ProjectionContext) => string;

function draftedCurrency(data: EventData): string {
  return String(data['currency']);
}

function revisedCurrency(_data: EventData, event: RecordedEvent, context: ProjectionContext): string {
  const drafted = context.earlier(event, DRAFTED);
  if (drafted === undefined)
    throw new Error(`projection: ${event.streamId} has no QuoteDrafted before its QuoteRevised`);
  return String(drafted.data['currency']);
}

/** quote-<id> (DOMAIN.md): quotation engineering (报价工程). */
export const QUOTE_FACTS = [
  factTable('QuoteDrafted', 'quote_drafted', [
    col.text('quote_id', 'quoteId'),
    col.text('opportunity_id', 'opportunityId'),
    col.text('tender_id', 'tenderId'),
    totalsColumns(draftedCurrency),
  ]),
  factTable('QuoteRevised', 'quote_revised', [
    col.number('revision', 'revision'),
    col.text('reason', 'reason'),
    totalsColumns(revisedCurrency, DRAFTED),
  ]),
  factTable('QuoteApprovalRequested', 'quote_approval_requested', [
    col.number('revision', 'revision'),
    col.decimal('margin_pct', 'marginPct'),
  ]),
  factTable('QuoteApproved', 'quote_approved', [
    col.number('revision', 'revision'),
    col.text('approver_id', 'approverId'),
    col.decimal('margin_pct', 'marginPct'),
  ]),
  factTable('QuoteApprovalRejected', 'quote_approval_rejected', [
    col.number('revision', 'revision'),
    col.text('approver_id', 'approverId'),
    col.text('reason', 'reason'),
  ]),
  factTable('QuoteSentToCustomer', 'quote_sent_to_customer', [col.number('revision', 'revision')]),
  factTable('QuoteAccepted', 'quote_accepted', [
    col.number('revision', 'revision'),
    moneyColumns('contracted_amount', 'contractedAmount'),
  ]),
  factTable('QuoteDeclined', 'quote_declined', [col.text('reason', 'reason')]),
];
