import type { ProjectType } from '@presales/domain';
import { HOUR } from '../world/calendar.js';
import { COMPETITORS } from '../world/catalog.js';
import { managerActor, salesActor, type Consultant, type Team } from '../world/org.js';
import type { World } from '../world/world.js';

/*
 * A deal and the two things every flow does to it: move its stage, close it. Its own module so
 * the tender, quote and activity flows that the opportunity flow starts can do both without
 * importing the opportunity flow back.
 */

/** Everything one deal's steps share. */
export interface Deal {
  readonly id: string;
  readonly team: Team;
  readonly salesId: string;
  readonly projectType: ProjectType;
  readonly productLines: readonly string[];
  /** Estimated value in CNY. */
  readonly value: number;
  /** The team's practice quality when the deal came in. */
  readonly quality: number;
  readonly lead: Consultant;
  readonly assignmentId: string;
  readonly gapIds: string[];
  stage: 'lead' | 'discovery' | 'solution' | 'bid' | 'negotiation';
  /** Winning chances, moved by what happens on the way. */
  odds: number;
  closed: boolean;
}

/** The deal moves to a stage (once: moving to the stage it is in records nothing). */
export function toStage(world: World, deal: Deal, to: Deal['stage'], at: number): void {
  if (deal.closed || deal.stage === to) return;
  world.issue(
    'opportunity',
    deal.id,
    { type: 'ChangeOpportunityStage', data: { opportunityId: deal.id, to } },
    at,
    salesActor(deal.salesId),
  );
  deal.stage = to;
}

/** Close the deal and release its consultant; the streams of the deal take nothing more. */
export function closeDeal(
  world: World,
  deal: Deal,
  outcome: 'won' | 'lost' | 'qualified_out',
  at: number,
  reason: string,
  amount?: number,
): void {
  if (deal.closed) return;
  const { prng } = world;
  deal.closed = true;
  if (outcome === 'won') {
    world.issue(
      'opportunity',
      deal.id,
      {
        type: 'WinOpportunity',
        data: { opportunityId: deal.id, amount: { amount: String(amount ?? deal.value), currency: 'CNY' } },
      },
      at,
      salesActor(deal.salesId),
    );
  } else if (outcome === 'lost') {
    const lossReason =
      deal.gapIds.length > 0 && prng.chance(0.6)
        ? 'functionality'
        : prng.pick(['price', 'relationship', 'timing', 'competitor', 'other'] as const);
    world.issue(
      'opportunity',
      deal.id,
      {
        type: 'LoseOpportunity',
        data: {
          opportunityId: deal.id,
          reason: lossReason,
          ...(lossReason === 'competitor' ? { competitor: prng.pick(COMPETITORS) } : {}),
          productGapIds: lossReason === 'functionality' ? [...deal.gapIds] : [],
        },
      },
      at,
      salesActor(deal.salesId),
    );
  } else {
    world.issue(
      'opportunity',
      deal.id,
      { type: 'QualifyOutOpportunity', data: { opportunityId: deal.id, reason } },
      at,
      salesActor(deal.salesId),
    );
  }
  // Decided an hour later, so checked then: the lead may have left the company in between
  // (offboarding releases every assignment itself), which a check made now would miss.
  world.at(at + HOUR, () => {
    if (!deal.lead.active || !deal.lead.assignments.has(deal.assignmentId)) return;
    world.issue(
      'consultant',
      deal.lead.id,
      { type: 'ReleaseConsultant', data: { consultantId: deal.lead.id, assignmentId: deal.assignmentId } },
      at + HOUR,
      managerActor(deal.team.managerId),
    );
    deal.lead.assignments.delete(deal.assignmentId);
  });
  world.retire('opportunity', deal.id, at);
}
