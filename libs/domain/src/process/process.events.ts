import { z } from 'zod';
import type { Event } from '../shared/message.js';
import { NonEmptyText, UniqueList, Version } from '../shared/primitives.js';
import { PROCESS_AREAS } from '../shared/vocabulary.js';

/** Version 1, 2, … of an area's standard; ReviewHeld.checklistVersion cites the bid area's. */
export const ProcessStandardPublishedData = z.strictObject({
  area: z.enum(PROCESS_AREAS),
  version: Version,
  checklist: UniqueList(NonEmptyText, { min: 1 }),
});

export type ProcessStandardPublished = Event<'ProcessStandardPublished', z.output<typeof ProcessStandardPublishedData>>;

export type ProcessStandardEvent = ProcessStandardPublished;

export const PROCESS_EVENT_SCHEMAS = {
  ProcessStandardPublished: { schema: ProcessStandardPublishedData, schemaVersion: 1 },
} as const satisfies { [T in ProcessStandardEvent['type']]: { schema: z.ZodType; schemaVersion: number } };
