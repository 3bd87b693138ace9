import { Decimal, quoteTotals } from '@presales/domain';
import type { KpiContext } from '../model/context.js';
import { decimalMean, mean, toNumber } from '../model/stats.js';
import { inPeriod, quotesInScope } from '../model/units.js';

/** quote_revisions — "quotes with QuoteAccepted in P | mean number of QuoteRevised events of the quote". */
export function quoteRevisions(ctx: KpiContext): number | null {
  const accepted = quotesInScope(ctx).filter((quote) => inPeriod(ctx, quote.acceptances).length > 0);
  return mean(accepted.map((quote) => quote.revisions.length));
}

/**
 * quote_accuracy — "QuoteAccepted events in P whose accepted revision's total ≠ 0 | mean of
 * 1 − abs(contracted − total) ÷ total, total = the domain's quote total of the accepted
 * revision's lines (revision 0 = the draft), both converted".
 */
export function quoteAccuracy(ctx: KpiContext): number | null {
  const accuracies: number[] = [];
  for (const quote of quotesInScope(ctx)) {
    const drafted = quote.drafted;
    if (drafted === undefined) continue;
    for (const accepted of inPeriod(ctx, quote.acceptances)) {
      const lines = quote.revisionLines.get(accepted.data.revision);
      if (lines === undefined) continue; // Oracle notes: a revision not recorded by asOf is no unit.
      const quotedTotal = quoteTotals(lines, drafted.data.currency).total;
      if (Decimal.parse(quotedTotal.amount).isZero()) continue;
      const total = ctx.money(quotedTotal);
      const contracted = ctx.money(accepted.data.contractedAmount);
      accuracies.push(1 - toNumber(contracted.minus(total).abs()) / toNumber(total));
    }
  }
  return mean(accuracies);
}

/** quote_margin — "QuoteApproved events in P | mean marginPct" (the recorded marginPct, exact). */
export function quoteMargin(ctx: KpiContext): number | null {
  const approvals = quotesInScope(ctx).flatMap((quote) => inPeriod(ctx, quote.approvals));
  return decimalMean(approvals.map((approval) => Decimal.parse(approval.data.marginPct)));
}
