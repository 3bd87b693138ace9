import {
  isDomainEventType,
  parseStreamName,
  upcastEvent,
  type DomainEvent,
  type StreamCategory,
} from '@presales/domain';
import type { RecordedEvent } from '@presales/event-store';
import { millis } from './time.js';

/** The payload of a domain event type, as the domain declares it. */
export type DataOf<Type extends DomainEvent['type']> = Extract<DomainEvent, { type: Type }>['data'];

/** One recorded event, reduced to what the KPIs read: its upcast payload and occurredAt. */
export interface Fact<Type extends DomainEvent['type']> {
  readonly type: Type;
  readonly streamId: string;
  readonly position: bigint;
  readonly occurredAt: string;
  /** occurredAt in ms: what every comparison uses. */
  readonly occurredMs: number;
  readonly data: DataOf<Type>;
}

/** Any fact: the union of Fact<T> over every event type, so that `type` narrows `data`. */
export type AnyFact = { [Type in DomainEvent['type']]: Fact<Type> }[DomainEvent['type']];

export interface OpportunityModel {
  readonly id: string;
  registered?: Fact<'OpportunityRegistered'>;
  /** "An opportunity is closed by its one OpportunityWon, OpportunityLost or OpportunityQualifiedOut." */
  closing?: Fact<'OpportunityWon'> | Fact<'OpportunityLost'> | Fact<'OpportunityQualifiedOut'>;
  readonly technicalDecisions: Fact<'TechnicalDecisionRecorded'>[];
  readonly requests: Map<string, Fact<'PresalesSupportRequested'>>;
  readonly acknowledgements: Fact<'PresalesSupportAcknowledged'>[];
  readonly fitAssessments: Fact<'RequirementFitAssessed'>[];
}

export interface TenderModel {
  readonly id: string;
  received?: Fact<'TenderReceived'>;
  readonly bidDecisions: Fact<'BidDecisionMade'>[];
  readonly drafts: Fact<'ResponseSectionDrafted'>[];
  readonly reviews: Fact<'ReviewHeld'>[];
  readonly submissions: Fact<'BidSubmitted'>[];
  /** The latest BidOutcomeRecorded by position (Oracle notes: a later outcome corrects an earlier one). */
  outcome?: Fact<'BidOutcomeRecorded'>;
}

export interface QuoteModel {
  readonly id: string;
  drafted?: Fact<'QuoteDrafted'>;
  /** Lines per revision number: 0 is the draft, n the QuoteRevised with revision n. */
  readonly revisionLines: Map<number, DataOf<'QuoteDrafted'>['lines']>;
  readonly revisions: Fact<'QuoteRevised'>[];
  readonly approvals: Fact<'QuoteApproved'>[];
  readonly acceptances: Fact<'QuoteAccepted'>[];
}

export interface ActivityModel {
  readonly id: string;
  scheduled?: Fact<'ActivityScheduled'>;
  readonly completions: Fact<'ActivityCompleted'>[];
}

export interface AssignmentModel {
  readonly assigned: Fact<'ConsultantAssigned'>;
  released?: Fact<'ConsultantReleased'>;
}

export interface GoalModel {
  readonly set: Fact<'GrowthGoalSet'>;
  achieved?: Fact<'GrowthGoalAchieved'>;
}

export interface ConsultantModel {
  readonly id: string;
  onboarded?: Fact<'ConsultantOnboarded'>;
  offboarded?: Fact<'ConsultantOffboarded'>;
  readonly assignments: Map<string, AssignmentModel>;
  readonly timeLogs: Fact<'TimeLogged'>[];
  readonly goals: Map<string, GoalModel>;
}

export interface TeamModel {
  readonly id: string;
  /** Every consultantId of a TeamMemberAdded in the team's stream. */
  readonly addedMemberIds: Set<string>;
}

export type WarRoomChange =
  Fact<'WarRoomOpened'> | Fact<'WarRoomMemberJoined'> | Fact<'WarRoomMemberLeft'> | Fact<'WarRoomClosed'>;

export interface WarRoomModel {
  readonly id: string;
  opened?: Fact<'WarRoomOpened'>;
  /** Every event of the room, opening included, in position order. */
  readonly changes: WarRoomChange[];
}

export interface ActionModel {
  readonly id: string;
  raised?: Fact<'CorrectiveActionRaised'>;
  completed?: Fact<'CorrectiveActionCompleted'>;
}

/** Everything that exists at asOf, folded once from the raw events. */
export interface OracleModel {
  /** ms since the epoch. */
  readonly asOfMs: number;
  readonly opportunities: Map<string, OpportunityModel>;
  readonly tenders: Map<string, TenderModel>;
  readonly quotes: Map<string, QuoteModel>;
  readonly activities: Map<string, ActivityModel>;
  /** Activities by the opportunity their ActivityScheduled names. */
  readonly activitiesByOpportunity: Map<string, ActivityModel[]>;
  readonly consultants: Map<string, ConsultantModel>;
  readonly teams: Map<string, TeamModel>;
  readonly warRooms: Map<string, WarRoomModel>;
  readonly actions: Map<string, ActionModel>;
}

function entry<Key, Value>(map: Map<Key, Value>, id: Key, create: () => Value): Value {
  let value = map.get(id);
  if (value === undefined) {
    value = create();
    map.set(id, value);
  }
  return value;
}

const cache = new WeakMap<
  readonly RecordedEvent[],
  Map<number, { readonly length: number; readonly model: OracleModel }>
>();

/**
 * The model of `events` at `asOf`, built once per events array and asOf (an array that grew or
 * shrank since is folded again; do not otherwise change an array after passing it).
 */
export function modelOf(events: readonly RecordedEvent[], asOf: string): OracleModel {
  const at = millis(asOf);
  let byAsOf = cache.get(events);
  if (byAsOf === undefined) {
    byAsOf = new Map();
    cache.set(events, byAsOf);
  }
  let cached = byAsOf.get(at);
  if (cached === undefined || cached.length !== events.length) {
    cached = { length: events.length, model: buildModel(events, at) };
    byAsOf.set(at, cached);
  }
  return cached.model;
}

/**
 * docs/kpis.md "asOf": only events with recordedAt ≤ asOf exist, for the counted events and the
 * looked-up ones alike. The rest is folded in position ($all) order.
 */
export function buildModel(events: readonly RecordedEvent[], asOfMs: number): OracleModel {
  const model: OracleModel = {
    asOfMs,
    opportunities: new Map(),
    tenders: new Map(),
    quotes: new Map(),
    activities: new Map(),
    activitiesByOpportunity: new Map(),
    consultants: new Map(),
    teams: new Map(),
    warRooms: new Map(),
    actions: new Map(),
  };
  const existing = events
    .filter((event) => millis(event.metadata.recordedAt) <= asOfMs)
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  for (const event of existing) {
    const stream = parseStreamName(event.streamId);
    if (stream === undefined || !isDomainEventType(event.type)) continue;
    const fact = {
      type: event.type,
      streamId: event.streamId,
      position: event.position,
      occurredAt: event.metadata.occurredAt,
      occurredMs: millis(event.metadata.occurredAt),
      // Old payload shapes are read in today's shape (QuoteDrafted v1 lines have discountPct "0").
      data: upcastEvent(
        event.type,
        event.metadata.schemaVersion ?? 1,
        event.data,
        `${event.streamId}@${event.revision}`,
      ),
    } as AnyFact;
    fold(model, stream.category, stream.id, fact);
  }
  return model;
}

function fold(model: OracleModel, category: StreamCategory, id: string, fact: AnyFact): void {
  switch (category) {
    case 'opportunity':
      return foldOpportunity(
        entry(model.opportunities, id, () => ({
          id,
          technicalDecisions: [],
          requests: new Map(),
          acknowledgements: [],
          fitAssessments: [],
        })),
        fact,
      );
    case 'tender':
      return foldTender(
        entry(model.tenders, id, () => ({ id, bidDecisions: [], drafts: [], reviews: [], submissions: [] })),
        fact,
      );
    case 'quote':
      return foldQuote(
        entry(model.quotes, id, () => ({
          id,
          revisionLines: new Map(),
          revisions: [],
          approvals: [],
          acceptances: [],
        })),
        fact,
      );
    case 'activity':
      return foldActivity(
        model,
        entry(model.activities, id, () => ({ id, completions: [] })),
        fact,
      );
    case 'consultant':
      return foldConsultant(
        entry(model.consultants, id, () => ({ id, assignments: new Map(), timeLogs: [], goals: new Map() })),
        fact,
      );
    case 'team':
      if (fact.type === 'TeamMemberAdded')
        entry(model.teams, id, () => ({ id, addedMemberIds: new Set<string>() })).addedMemberIds.add(
          fact.data.consultantId,
        );
      return;
    case 'warroom':
      return foldWarRoom(
        entry(model.warRooms, id, () => ({ id, changes: [] })),
        fact,
      );
    case 'action':
      return foldAction(
        entry(model.actions, id, () => ({ id })),
        fact,
      );
    default:
      // asset, gap, process and kpi streams: no KPI of the catalog reads them.
      return;
  }
}

function is<Type extends DomainEvent['type']>(fact: AnyFact, type: Type): fact is Extract<AnyFact, { type: Type }> {
  return fact.type === type;
}

function foldOpportunity(opportunity: OpportunityModel, fact: AnyFact): void {
  if (is(fact, 'OpportunityRegistered')) opportunity.registered ??= fact;
  else if (is(fact, 'OpportunityWon') || is(fact, 'OpportunityLost') || is(fact, 'OpportunityQualifiedOut'))
    opportunity.closing ??= fact;
  else if (is(fact, 'TechnicalDecisionRecorded')) opportunity.technicalDecisions.push(fact);
  else if (is(fact, 'PresalesSupportRequested')) opportunity.requests.set(fact.data.requestId, fact);
  else if (is(fact, 'PresalesSupportAcknowledged')) opportunity.acknowledgements.push(fact);
  else if (is(fact, 'RequirementFitAssessed')) opportunity.fitAssessments.push(fact);
}

function foldTender(tender: TenderModel, fact: AnyFact): void {
  if (is(fact, 'TenderReceived')) tender.received ??= fact;
  else if (is(fact, 'BidDecisionMade')) tender.bidDecisions.push(fact);
  else if (is(fact, 'ResponseSectionDrafted')) tender.drafts.push(fact);
  else if (is(fact, 'ReviewHeld')) tender.reviews.push(fact);
  else if (is(fact, 'BidSubmitted')) tender.submissions.push(fact);
  else if (is(fact, 'BidOutcomeRecorded')) tender.outcome = fact;
}

function foldQuote(quote: QuoteModel, fact: AnyFact): void {
  if (is(fact, 'QuoteDrafted')) {
    quote.drafted ??= fact;
    quote.revisionLines.set(0, fact.data.lines);
  } else if (is(fact, 'QuoteRevised')) {
    quote.revisions.push(fact);
    quote.revisionLines.set(fact.data.revision, fact.data.lines);
  } else if (is(fact, 'QuoteApproved')) quote.approvals.push(fact);
  else if (is(fact, 'QuoteAccepted')) quote.acceptances.push(fact);
}

function foldActivity(model: OracleModel, activity: ActivityModel, fact: AnyFact): void {
  if (is(fact, 'ActivityScheduled') && activity.scheduled === undefined) {
    activity.scheduled = fact;
    entry(model.activitiesByOpportunity, fact.data.opportunityId, () => []).push(activity);
  } else if (is(fact, 'ActivityCompleted')) activity.completions.push(fact);
}

function foldConsultant(consultant: ConsultantModel, fact: AnyFact): void {
  if (is(fact, 'ConsultantOnboarded')) consultant.onboarded ??= fact;
  else if (is(fact, 'ConsultantOffboarded')) consultant.offboarded ??= fact;
  else if (is(fact, 'ConsultantAssigned')) consultant.assignments.set(fact.data.assignmentId, { assigned: fact });
  else if (is(fact, 'ConsultantReleased')) {
    const assignment = consultant.assignments.get(fact.data.assignmentId);
    if (assignment !== undefined) assignment.released ??= fact;
  } else if (is(fact, 'TimeLogged')) consultant.timeLogs.push(fact);
  else if (is(fact, 'GrowthGoalSet')) consultant.goals.set(fact.data.goalId, { set: fact });
  else if (is(fact, 'GrowthGoalAchieved')) {
    const goal = consultant.goals.get(fact.data.goalId);
    if (goal !== undefined) goal.achieved ??= fact;
  }
}

function foldWarRoom(room: WarRoomModel, fact: AnyFact): void {
  if (is(fact, 'WarRoomOpened')) room.opened ??= fact;
  if (
    is(fact, 'WarRoomOpened') ||
    is(fact, 'WarRoomMemberJoined') ||
    is(fact, 'WarRoomMemberLeft') ||
    is(fact, 'WarRoomClosed')
  )
    room.changes.push(fact);
}

function foldAction(action: ActionModel, fact: AnyFact): void {
  if (is(fact, 'CorrectiveActionRaised')) action.raised ??= fact;
  else if (is(fact, 'CorrectiveActionCompleted')) action.completed ??= fact;
}
