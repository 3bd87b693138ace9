import type { z } from 'zod';
import { TENDER_EVENT_SCHEMAS, type TenderEvent } from '../tender/tender.events.js';
import { ValidationError } from '../shared/errors.js';
import { validate } from '../shared/validate.js';

/** Every domain event the platform accepts, with its payload schema and current schema version. */
export const EVENT_SCHEMAS = {
  ...TENDER_EVENT_SCHEMAS,
} as const satisfies Record<string, { schema: z.ZodType; schemaVersion: number }>;

export type DomainEvent = TenderEvent;
export type DomainEventType = DomainEvent['type'];

export function isDomainEventType(type: string): type is DomainEventType {
  return Object.hasOwn(EVENT_SCHEMAS, type);
}

/** Validate an event read from outside (import, store) against its type's schema. */
export function parseDomainEvent(type: string, data: unknown, where: string): DomainEvent {
  if (!isDomainEventType(type)) {
    throw new ValidationError(where, [{ path: 'type', value: type, rule: `must be one of ${Object.keys(EVENT_SCHEMAS).join(', ')}` }]);
  }
  const parsed = validate(EVENT_SCHEMAS[type].schema, data, `${where} ${type}`);
  return { type, data: parsed } as DomainEvent;
}
