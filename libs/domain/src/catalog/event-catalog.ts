import type { ActivityEvent } from '../activity/activity.events.js';
import { ACTIVITY_EVENT_SCHEMAS } from '../activity/activity.events.js';
import { ACTION_EVENT_SCHEMAS, type CorrectiveActionEvent } from '../action/action.events.js';
import { ASSET_EVENT_SCHEMAS, type KnowledgeAssetEvent } from '../asset/asset.events.js';
import { CONSULTANT_EVENT_SCHEMAS, type ConsultantEvent } from '../consultant/consultant.events.js';
import { GAP_EVENT_SCHEMAS, type ProductGapEvent } from '../gap/gap.events.js';
import { KPI_EVENT_SCHEMAS, type KpiEvent } from '../kpi/kpi.events.js';
import { OPPORTUNITY_EVENT_SCHEMAS, type OpportunityEvent } from '../opportunity/opportunity.events.js';
import { PROCESS_EVENT_SCHEMAS, type ProcessStandardEvent } from '../process/process.events.js';
import { QUOTE_EVENT_SCHEMAS, type QuoteEvent } from '../quote/quote.events.js';
import { QUOTE_UPCASTERS } from '../quote/quote.upcasters.js';
import { ValidationError } from '../shared/errors.js';
import { upcastPayload, type Upcasters } from '../shared/upcasting.js';
import { validate } from '../shared/validate.js';
import { TEAM_EVENT_SCHEMAS, type TeamEvent } from '../team/team.events.js';
import { TENDER_EVENT_SCHEMAS, type TenderEvent } from '../tender/tender.events.js';
import { WARROOM_EVENT_SCHEMAS, type WarRoomEvent } from '../warroom/warroom.events.js';
import type { z } from 'zod';

/** Every domain event the platform accepts, with its payload schema and current schema version. */
export const EVENT_SCHEMAS = {
  ...OPPORTUNITY_EVENT_SCHEMAS,
  ...TENDER_EVENT_SCHEMAS,
  ...QUOTE_EVENT_SCHEMAS,
  ...ACTIVITY_EVENT_SCHEMAS,
  ...CONSULTANT_EVENT_SCHEMAS,
  ...TEAM_EVENT_SCHEMAS,
  ...WARROOM_EVENT_SCHEMAS,
  ...ASSET_EVENT_SCHEMAS,
  ...GAP_EVENT_SCHEMAS,
  ...PROCESS_EVENT_SCHEMAS,
  ...KPI_EVENT_SCHEMAS,
  ...ACTION_EVENT_SCHEMAS,
} as const satisfies Record<string, { schema: z.ZodType; schemaVersion: number }>;

export type DomainEvent =
  | OpportunityEvent
  | TenderEvent
  | QuoteEvent
  | ActivityEvent
  | ConsultantEvent
  | TeamEvent
  | WarRoomEvent
  | KnowledgeAssetEvent
  | ProductGapEvent
  | ProcessStandardEvent
  | KpiEvent
  | CorrectiveActionEvent;
export type DomainEventType = DomainEvent['type'];

/** Old schema versions of events, turned into the current shape on read. */
export const UPCASTERS: Upcasters = {
  ...QUOTE_UPCASTERS,
};

export function isDomainEventType(type: string): type is DomainEventType {
  return Object.hasOwn(EVENT_SCHEMAS, type);
}

function assertDomainEventType(type: string, where: string): asserts type is DomainEventType {
  if (!isDomainEventType(type)) {
    throw new ValidationError(where, [
      { path: 'type', value: type, rule: `must be one of ${Object.keys(EVENT_SCHEMAS).join(', ')}` },
    ]);
  }
}

/**
 * An event payload stored at `schemaVersion`, upcast to the current version of its type (not yet
 * validated against it: parseDomainEvent does both).
 */
export function upcastEvent(type: string, schemaVersion: number, data: unknown, where = 'event'): unknown {
  assertDomainEventType(type, where);
  return upcastPayload(UPCASTERS, type, schemaVersion, EVENT_SCHEMAS[type].schemaVersion, data, where);
}

/**
 * Validate an event read from outside (import, store) against its type's schema, after upcasting
 * it from the `schemaVersion` it was stored with (default: the current one). `where` names the
 * event in errors, e.g. `line 12` or `tender-T-9@3`.
 */
export function parseDomainEvent(type: string, data: unknown, where: string, schemaVersion?: number): DomainEvent {
  assertDomainEventType(type, where);
  const current = upcastEvent(type, schemaVersion ?? EVENT_SCHEMAS[type].schemaVersion, data, where);
  const parsed = validate(EVENT_SCHEMAS[type].schema, current, `${where} ${type}`);
  return { type, data: parsed } as DomainEvent;
}
