import type { RecordedEvent } from '@presales/event-store';
import { EventLog, type AppendOptions } from './event-log.js';

/** When a fact happened: an occurredAt, or an occurredAt with a (later) recordedAt. */
export type When = string | { readonly at: string; readonly recordedAt?: string };

/** `'1200.50 USD'` → `{ amount: '1200.50', currency: 'USD' }`. */
export function money(text: string): { amount: string; currency: string } {
  const [amount, currency, ...rest] = text.trim().split(/\s+/);
  if (amount === undefined || currency === undefined || rest.length > 0)
    throw new RangeError(`money must read "<amount> <currency>", got ${JSON.stringify(text)}`);
  return { amount, currency };
}

export interface LineSpec {
  readonly quantity: string;
  readonly unitPrice: string;
  readonly unitCost?: string;
  readonly discountPct?: string;
  readonly productLine?: string;
}

const HASH = 'a'.repeat(64);

/**
 * Domain-flavoured shorthands over an EventLog: each appends one valid event with the fields a
 * KPI does not read filled with fixed defaults. Every method takes `when` last but for options.
 */
export class Scenario {
  constructor(readonly log: EventLog = new EventLog()) {}

  get events(): readonly RecordedEvent[] {
    return this.log.events;
  }

  private add(
    stream: string,
    type: string,
    data: Record<string, unknown>,
    when: When,
    extra: Partial<AppendOptions> = {},
  ): this {
    const options =
      typeof when === 'string'
        ? { occurredAt: when }
        : { occurredAt: when.at, ...(when.recordedAt === undefined ? {} : { recordedAt: when.recordedAt }) };
    this.log.append(stream, type, data, { ...options, ...extra });
    return this;
  }

  // opportunity-<id>
  opportunity(
    id: string,
    when: When,
    options: { productLines?: readonly string[]; value?: string; projectType?: string } = {},
  ): this {
    return this.add(
      `opportunity-${id}`,
      'OpportunityRegistered',
      {
        opportunityId: id,
        name: `Deal ${id}`,
        customer: 'ACME',
        industry: 'manufacturing',
        region: 'east',
        productLines: options.productLines ?? ['erp'],
        projectType: options.projectType ?? 'product',
        estimatedValue: money(options.value ?? '1000 CNY'),
        salesOwnerId: 'sales-1',
      },
      when,
    );
  }
  won(id: string, amount: string, when: When): this {
    return this.add(`opportunity-${id}`, 'OpportunityWon', { amount: money(amount) }, when);
  }
  lost(id: string, when: When, productGapIds: readonly string[] = []): this {
    return this.add(
      `opportunity-${id}`,
      'OpportunityLost',
      { reason: productGapIds.length > 0 ? 'functionality' : 'price', productGapIds },
      when,
    );
  }
  qualifiedOut(id: string, when: When): this {
    return this.add(`opportunity-${id}`, 'OpportunityQualifiedOut', { reason: 'no budget' }, when);
  }
  technicalDecision(id: string, outcome: 'technical_win' | 'technical_loss', when: When): this {
    return this.add(`opportunity-${id}`, 'TechnicalDecisionRecorded', { outcome }, when);
  }
  supportRequested(
    opportunityId: string,
    requestId: string,
    when: When,
    options: { kind?: string; productLine?: string } = {},
  ): this {
    return this.add(
      `opportunity-${opportunityId}`,
      'PresalesSupportRequested',
      {
        requestId,
        requestedBy: 'sales-1',
        kind: options.kind ?? 'demo',
        productLine: options.productLine ?? 'erp',
        dueAt: '2030-01-01T00:00:00Z',
      },
      when,
    );
  }
  supportAcknowledged(opportunityId: string, requestId: string, consultantId: string, when: When): this {
    return this.add(`opportunity-${opportunityId}`, 'PresalesSupportAcknowledged', { requestId, consultantId }, when);
  }
  requirementCaptured(opportunityId: string, requirementId: string, when: When): this {
    return this.add(
      `opportunity-${opportunityId}`,
      'RequirementCaptured',
      { requirementId, title: `Requirement ${requirementId}`, category: 'functional', priority: 'must', source: 'rfp' },
      when,
    );
  }
  requirementFit(
    opportunityId: string,
    requirementId: string,
    fit: 'standard' | 'configurable' | 'custom' | 'gap',
    when: When,
    productLine = 'erp',
  ): this {
    return this.add(
      `opportunity-${opportunityId}`,
      'RequirementFitAssessed',
      { requirementId, fit, productLine },
      when,
    );
  }

  // tender-<id>
  tender(id: string, opportunityId: string, when: When, deadline: string): this {
    return this.add(
      `tender-${id}`,
      'TenderReceived',
      { tenderId: id, opportunityId, kind: 'rfp', issuer: 'Customer procurement', deadline },
      when,
    );
  }
  bidDecision(id: string, decision: 'bid' | 'no_bid', when: When): this {
    return this.add(`tender-${id}`, 'BidDecisionMade', { decision, rationale: 'fit', score: 70 }, when);
  }
  sectionDrafted(id: string, sectionId: string, reusedAssetIds: readonly string[], when: When): this {
    return this.add(`tender-${id}`, 'ResponseSectionDrafted', { sectionId, authorId: 'c1', reusedAssetIds }, when);
  }
  review(id: string, reviewId: string, outcome: 'approved' | 'rework' | 'rejected', when: When): this {
    return this.add(`tender-${id}`, 'ReviewHeld', { reviewId, stage: 'solution', reviewerIds: ['r1'], outcome }, when);
  }
  /** A review of a given stage that cites a bid checklist version, or none. */
  reviewCiting(
    id: string,
    reviewId: string,
    stage: 'solution' | 'commercial' | 'legal' | 'final',
    checklistVersion: number | undefined,
    when: When,
  ): this {
    return this.add(
      `tender-${id}`,
      'ReviewHeld',
      {
        reviewId,
        stage,
        reviewerIds: ['r1'],
        outcome: 'approved',
        ...(checklistVersion === undefined ? {} : { checklistVersion }),
      },
      when,
    );
  }
  submitted(id: string, when: When): this {
    return this.add(`tender-${id}`, 'BidSubmitted', { documentSha256: HASH, channel: 'portal' }, when);
  }
  bidOutcome(id: string, outcome: 'awarded' | 'not_awarded' | 'cancelled', when: When): this {
    return this.add(`tender-${id}`, 'BidOutcomeRecorded', { outcome }, when);
  }

  // quote-<id>
  quoteDrafted(
    id: string,
    opportunityId: string,
    currency: string,
    lines: readonly LineSpec[],
    when: When,
    options: { schemaVersion?: number } = {},
  ): this {
    const v1 = options.schemaVersion === 1;
    return this.add(
      `quote-${id}`,
      'QuoteDrafted',
      { quoteId: id, opportunityId, currency, lines: lines.map((line, index) => lineOf(line, index, v1)) },
      when,
      options.schemaVersion === undefined ? {} : { schemaVersion: options.schemaVersion },
    );
  }
  quoteRevised(id: string, revision: number, lines: readonly LineSpec[], when: When): this {
    return this.add(
      `quote-${id}`,
      'QuoteRevised',
      { revision, lines: lines.map((line, index) => lineOf(line, index, false)), reason: 'customer feedback' },
      when,
    );
  }
  quoteApproved(id: string, revision: number, marginPct: string, when: When): this {
    return this.add(`quote-${id}`, 'QuoteApproved', { revision, approverId: 'm1', marginPct }, when);
  }
  quoteAccepted(id: string, revision: number, contracted: string, when: When): this {
    return this.add(`quote-${id}`, 'QuoteAccepted', { revision, contractedAmount: money(contracted) }, when);
  }

  // activity-<id>
  activity(
    id: string,
    opportunityId: string,
    kind: string,
    when: When,
    consultantIds: readonly string[] = ['c1'],
  ): this {
    return this.add(
      `activity-${id}`,
      'ActivityScheduled',
      {
        activityId: id,
        opportunityId,
        kind,
        consultantIds,
        scheduledFor: typeof when === 'string' ? when : when.at,
        plannedHours: 2,
      },
      when,
    );
  }
  activityCompleted(
    id: string,
    when: When,
    options: { customerSatisfaction?: number; pocCriteriaMet?: number; pocCriteriaTotal?: number } = {},
  ): this {
    return this.add(
      `activity-${id}`,
      'ActivityCompleted',
      { actualHours: 2, outcome: 'positive', usedAssetIds: [], ...options },
      when,
    );
  }

  // consultant-<id>
  consultant(
    id: string,
    when: When,
    options: {
      teamId?: string;
      productLines?: readonly string[];
      weeklyCapacityHours?: number;
      hourlyCost?: string;
    } = {},
  ): this {
    return this.add(
      `consultant-${id}`,
      'ConsultantOnboarded',
      {
        consultantId: id,
        name: `Consultant ${id}`,
        teamId: options.teamId ?? 'team-a',
        level: 'senior',
        productLines: options.productLines ?? ['erp'],
        skills: [],
        weeklyCapacityHours: options.weeklyCapacityHours ?? 40,
        hourlyCost: money(options.hourlyCost ?? '100 CNY'),
      },
      when,
    );
  }
  offboarded(id: string, when: When): this {
    return this.add(`consultant-${id}`, 'ConsultantOffboarded', { reason: 'left' }, when);
  }
  assigned(
    consultantId: string,
    assignmentId: string,
    opportunityId: string,
    allocationPct: number,
    from: string,
    to: string,
    when: When,
  ): this {
    return this.add(
      `consultant-${consultantId}`,
      'ConsultantAssigned',
      { assignmentId, opportunityId, role: 'lead', allocationPct, from, to },
      when,
    );
  }
  released(consultantId: string, assignmentId: string, when: When): this {
    return this.add(`consultant-${consultantId}`, 'ConsultantReleased', { assignmentId }, when);
  }
  timeLogged(consultantId: string, entryId: string, hours: number, category: string, when: When): this {
    const date = (typeof when === 'string' ? when : when.at).slice(0, 10);
    return this.add(`consultant-${consultantId}`, 'TimeLogged', { entryId, date, hours, category }, when);
  }
  goalSet(consultantId: string, goalId: string, dueAt: string, when: When): this {
    return this.add(
      `consultant-${consultantId}`,
      'GrowthGoalSet',
      { goalId, skill: 'Kubernetes', targetLevel: 3, dueAt },
      when,
    );
  }
  goalAchieved(consultantId: string, goalId: string, when: When): this {
    return this.add(`consultant-${consultantId}`, 'GrowthGoalAchieved', { goalId }, when);
  }

  // team-<id>, warroom-<id>
  teamMemberAdded(teamId: string, consultantId: string, when: When): this {
    return this.add(`team-${teamId}`, 'TeamMemberAdded', { consultantId }, when);
  }
  warRoomOpened(
    id: string,
    opportunityId: string,
    commanderId: string,
    memberIds: readonly string[],
    when: When,
    allocationPct?: number,
  ): this {
    return this.add(
      `warroom-${id}`,
      'WarRoomOpened',
      {
        warRoomId: id,
        opportunityId,
        commanderId,
        memberIds,
        reason: 'big bid',
        ...(allocationPct === undefined ? {} : { allocationPct }),
      },
      when,
    );
  }
  warRoomJoined(id: string, consultantId: string, when: When): this {
    return this.add(`warroom-${id}`, 'WarRoomMemberJoined', { consultantId }, when);
  }
  warRoomLeft(id: string, consultantId: string, when: When): this {
    return this.add(`warroom-${id}`, 'WarRoomMemberLeft', { consultantId }, when);
  }
  warRoomClosed(id: string, when: When): this {
    return this.add(`warroom-${id}`, 'WarRoomClosed', { outcome: 'submitted' }, when);
  }

  // action-<id>
  /** Version `version` of an area's standard: the domain numbers them 1, 2, … in its stream. */
  standard(area: string, version: number, when: When): this {
    return this.add(
      `process-${area}`,
      'ProcessStandardPublished',
      { area, version, checklist: [`Checklist of ${area}, version ${version}`] },
      when,
    );
  }
  actionRaised(
    id: string,
    kpiId: string,
    period: string,
    scope: { kind: string; id?: string },
    dueAt: string,
    when: When,
  ): this {
    return this.add(
      `action-${id}`,
      'CorrectiveActionRaised',
      { actionId: id, kpiId, period, scope, rootCause: 'cause', action: 'fix', ownerId: 'm1', dueAt },
      when,
    );
  }
  actionVerified(id: string, effective: boolean, when: When): this {
    return this.add(
      `action-${id}`,
      'CorrectiveActionVerified',
      { actionId: id, effective, measuredDelta: effective ? '0.1' : '0' },
      when,
    );
  }
  targetSet(
    kpiId: string,
    period: string,
    target: string,
    when: When,
    scope: { kind: string; id?: string } = { kind: 'org' },
  ): this {
    return this.add(`kpi-${kpiId}`, 'KpiTargetSet', { period, scope, target }, when);
  }
  skillCertified(consultantId: string, when: When): this {
    return this.add(`consultant-${consultantId}`, 'SkillCertified', { skill: 'Kubernetes', level: 3 }, when);
  }
  actionCompleted(id: string, when: When): this {
    return this.add(`action-${id}`, 'CorrectiveActionCompleted', { actionId: id, result: 'done' }, when);
  }
}

function lineOf(line: LineSpec, index: number, withoutDiscount: boolean): Record<string, unknown> {
  return {
    lineId: `L${index + 1}`,
    productLine: line.productLine ?? 'erp',
    sku: `SKU-${index + 1}`,
    description: 'licence',
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    unitCost: line.unitCost ?? '0',
    ...(withoutDiscount ? {} : { discountPct: line.discountPct ?? '0' }),
  };
}
