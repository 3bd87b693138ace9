import type { KpiContext } from './context.js';
import type { ActivityModel, ConsultantModel, OpportunityModel, QuoteModel, TenderModel } from './model.js';
import { isIn } from './period.js';

/** The opportunities in scope (OPP) that are closed (Won, Lost or QualifiedOut) in P. */
export function closedInPeriod(ctx: KpiContext): OpportunityModel[] {
  return [...ctx.model.opportunities.values()].filter(
    (opportunity) =>
      opportunity.closing !== undefined &&
      isIn(ctx.period, opportunity.closing.occurredMs) &&
      ctx.scope.opportunity(opportunity.id),
  );
}

/** "decided by Won or Lost only": the opportunities in scope decided in P. */
export function decidedInPeriod(ctx: KpiContext): OpportunityModel[] {
  return closedInPeriod(ctx).filter((opportunity) => opportunity.closing!.type !== 'OpportunityQualifiedOut');
}

export function isWon(opportunity: OpportunityModel): boolean {
  return opportunity.closing?.type === 'OpportunityWon';
}

/** The opportunities in scope, registered or not. */
export function opportunitiesInScope(ctx: KpiContext): OpportunityModel[] {
  return [...ctx.model.opportunities.values()].filter((opportunity) => ctx.scope.opportunity(opportunity.id));
}

/** "Tender … units belong to the opportunity they name (TenderReceived.opportunityId)." */
export function tendersInScope(ctx: KpiContext): TenderModel[] {
  return [...ctx.model.tenders.values()].filter((tender) => ctx.scope.opportunity(tender.received?.data.opportunityId));
}

/** Quotes belong to QuoteDrafted.opportunityId. */
export function quotesInScope(ctx: KpiContext): QuoteModel[] {
  return [...ctx.model.quotes.values()].filter((quote) => ctx.scope.opportunity(quote.drafted?.data.opportunityId));
}

/** Activities belong to ActivityScheduled.opportunityId. */
export function activitiesInScope(ctx: KpiContext): ActivityModel[] {
  return [...ctx.model.activities.values()].filter((activity) =>
    ctx.scope.opportunity(activity.scheduled?.data.opportunityId),
  );
}

/** The consultants of CONS that have a consultant stream (an unknown id has no events). */
export function consultantsInScope(ctx: KpiContext): ConsultantModel[] {
  return [...ctx.scope.consultants].flatMap((id) => {
    const consultant = ctx.model.consultants.get(id);
    return consultant === undefined ? [] : [consultant];
  });
}

export function inPeriod<F extends { readonly occurredMs: number }>(ctx: KpiContext, facts: readonly F[]): F[] {
  return facts.filter((fact) => isIn(ctx.period, fact.occurredMs));
}
