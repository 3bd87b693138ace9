import { streamName, type StreamCategory } from '../shared/streams.js';
import type { DomainEvent, DomainEventType } from './event-catalog.js';

/** A field of an event that names another aggregate, and the stream that aggregate lives in. */
export interface Reference {
  /** The field as a rejection names it: `opportunityId`, `consultantIds[1]`. */
  readonly field: string;
  readonly stream: string;
}

/** Which fields of which events name which category of stream: one entry per field, lists included. */
type ReferenceFields = { readonly [T in DomainEventType]?: Readonly<Record<string, StreamCategory>> };

/**
 * The references that must name something already on the record: an event about an opportunity,
 * a consultant, a tender, an activity, an asset, a gap or a team that was never recorded would
 * count in KPIs as a thing that does not exist. People who are not presales consultants (sales
 * owners, quote approvers, team managers, reviewers, KPI owners) are not streams of this domain,
 * and a kpiId may name a catalog KPI before its definition is published, so those are not listed.
 */
export const REFERENCE_FIELDS: ReferenceFields = {
  TenderReceived: { opportunityId: 'opportunity' },
  ResponseSectionAssigned: { assigneeId: 'consultant' },
  ResponseSectionDrafted: { authorId: 'consultant', reusedAssetIds: 'asset' },
  QuoteDrafted: { opportunityId: 'opportunity', tenderId: 'tender' },
  ActivityScheduled: { opportunityId: 'opportunity', consultantIds: 'consultant' },
  ActivityCompleted: { usedAssetIds: 'asset' },
  PresalesSupportAcknowledged: { consultantId: 'consultant' },
  RequirementFitAssessed: { gapId: 'gap' },
  OpportunityLost: { productGapIds: 'gap' },
  ConsultantOnboarded: { teamId: 'team' },
  ConsultantAssigned: { opportunityId: 'opportunity' },
  TimeLogged: { opportunityId: 'opportunity', activityId: 'activity' },
  TeamMemberAdded: { consultantId: 'consultant' },
  WarRoomOpened: {
    opportunityId: 'opportunity',
    tenderId: 'tender',
    commanderId: 'consultant',
    memberIds: 'consultant',
  },
  WarRoomMemberJoined: { consultantId: 'consultant' },
};

/** The streams an event's references name, in field order; absent optional fields name none. */
export function referencesOf(event: DomainEvent): Reference[] {
  const fields = REFERENCE_FIELDS[event.type];
  if (fields === undefined) return [];
  const data = event.data as Readonly<Record<string, unknown>>;
  const references: Reference[] = [];
  for (const [field, category] of Object.entries(fields)) {
    const value = data[field];
    if (typeof value === 'string') references.push({ field, stream: streamName(category, value) });
    else if (Array.isArray(value))
      value.forEach((id: string, index) =>
        references.push({ field: `${field}[${index}]`, stream: streamName(category, id) }),
      );
  }
  return references;
}
