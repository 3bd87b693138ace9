import { quoteTotals, type CurrencyCode, type QuoteLine } from '@presales/domain';
import { SqlDecimal } from '../../analytics-store.port.js';
import { col, moneyColumns, type EventData, type FactColumn, type ProjectionContext } from '../fact-columns.js';
import { entityIdOf, factTable } from '../fact-table.js';

/**
 * Totals and margin of a set of lines, by the domain's own pure function (DOMAIN.md: derived,
 * never stored as truth in events). The currency decides the rounding to minor units.
 */
function totalsColumns(currencyOf: (data: EventData, streamId: string, context: ProjectionContext) => string): FactColumn[] {
  const totals = (data: EventData, streamId: string, context: ProjectionContext) => quoteTotals(data['lines'] as QuoteLine[], currencyOf(data, streamId, context) as CurrencyCode);
  return [
    col.derived('currency', 'String', (d, e, c) => currencyOf(d, e.streamId, c)),
    col.json('lines', 'lines'),
    col.count('line_count', 'lines'),
    col.derived('total', 'Decimal(38, 6)', (d, e, c) => new SqlDecimal(totals(d, e.streamId, c).total.amount)),
    col.derived('cost', 'Decimal(38, 6)', (d, e, c) => new SqlDecimal(totals(d, e.streamId, c).cost.amount)),
    col.derived('margin_pct', 'Nullable(Decimal(38, 6))', (d, e, c) => {
      const pct = totals(d, e.streamId, c).marginPct;
      return pct === null ? null : new SqlDecimal(pct);
    }),
  ];
}

function draftedCurrency(data: EventData): string {
  return String(data['currency']);
}

function revisedCurrency(_data: EventData, streamId: string, context: ProjectionContext): string {
  const currency = context.quoteCurrency(entityIdOf(streamId));
  if (currency === undefined) throw new Error(`projection: ${streamId} has no QuoteDrafted before its QuoteRevised`);
  return currency;
}

/** quote-<id> (DOMAIN.md): quotation engineering (报价工程). */
export const QUOTE_FACTS = [
  factTable('QuoteDrafted', 'quote_drafted', [
    col.text('quote_id', 'quoteId'),
    col.text('opportunity_id', 'opportunityId'),
    col.text('tender_id', 'tenderId'),
    totalsColumns(draftedCurrency),
  ]),
  factTable('QuoteRevised', 'quote_revised', [col.number('revision', 'revision'), col.text('reason', 'reason'), totalsColumns(revisedCurrency)]),
  factTable('QuoteApprovalRequested', 'quote_approval_requested', [col.number('revision', 'revision'), col.decimal('margin_pct', 'marginPct')]),
  factTable('QuoteApproved', 'quote_approved', [col.number('revision', 'revision'), col.text('approver_id', 'approverId'), col.decimal('margin_pct', 'marginPct')]),
  factTable('QuoteApprovalRejected', 'quote_approval_rejected', [col.number('revision', 'revision'), col.text('approver_id', 'approverId'), col.text('reason', 'reason')]),
  factTable('QuoteSentToCustomer', 'quote_sent_to_customer', [col.number('revision', 'revision')]),
  factTable('QuoteAccepted', 'quote_accepted', [col.number('revision', 'revision'), moneyColumns('contracted_amount', 'contractedAmount')]),
  factTable('QuoteDeclined', 'quote_declined', [col.text('reason', 'reason')]),
];
