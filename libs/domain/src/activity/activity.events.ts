import { z } from 'zod';
import type { Event } from '../shared/message.js';
import {
  EntityId,
  Hours,
  HoursOrZero,
  IntegerBetween,
  IsoUtcTime,
  NonEmptyText,
  UniqueList,
} from '../shared/primitives.js';

export const ACTIVITY_KINDS = ['exchange', 'demo', 'poc', 'workshop', 'presentation', 'site_visit'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_OUTCOMES = ['positive', 'neutral', 'negative'] as const;

const CriteriaCount = z
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be at least 0')
  .max(1000, 'must be at most 1000');

export const ActivityScheduledData = z.strictObject({
  activityId: EntityId,
  opportunityId: EntityId,
  kind: z.enum(ACTIVITY_KINDS),
  consultantIds: UniqueList(EntityId, { min: 1 }),
  scheduledFor: IsoUtcTime,
  plannedHours: Hours,
});

export const ActivityCompletedData = z
  .strictObject({
    actualHours: HoursOrZero,
    outcome: z.enum(ACTIVITY_OUTCOMES),
    customerSatisfaction: IntegerBetween(1, 5).optional(),
    /** PoC success criteria met, of the total agreed with the customer (PoCs only). */
    pocCriteriaMet: CriteriaCount.optional(),
    pocCriteriaTotal: CriteriaCount.min(1, 'must be at least 1').optional(),
    usedAssetIds: UniqueList(EntityId),
  })
  .superRefine((data, ctx) => {
    if ((data.pocCriteriaMet === undefined) !== (data.pocCriteriaTotal === undefined)) {
      const missing = data.pocCriteriaMet === undefined ? 'pocCriteriaMet' : 'pocCriteriaTotal';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'pocCriteriaMet and pocCriteriaTotal come together' });
    }
  })
  // met ≤ total compares two values, which JSON Schema cannot state: the activity's rules check it (422).
  .meta({
    description: '`pocCriteriaMet` and `pocCriteriaTotal` come together, met ≤ total, and only for a `poc` activity.',
    dependentRequired: { pocCriteriaMet: ['pocCriteriaTotal'], pocCriteriaTotal: ['pocCriteriaMet'] },
  });

export const ActivityCancelledData = z.strictObject({
  reason: NonEmptyText,
});

export type ActivityScheduled = Event<'ActivityScheduled', z.output<typeof ActivityScheduledData>>;
export type ActivityCompleted = Event<'ActivityCompleted', z.output<typeof ActivityCompletedData>>;
export type ActivityCancelled = Event<'ActivityCancelled', z.output<typeof ActivityCancelledData>>;

export type ActivityEvent = ActivityScheduled | ActivityCompleted | ActivityCancelled;

export const ACTIVITY_EVENT_SCHEMAS = {
  ActivityScheduled: { schema: ActivityScheduledData, schemaVersion: 1 },
  ActivityCompleted: { schema: ActivityCompletedData, schemaVersion: 1 },
  ActivityCancelled: { schema: ActivityCancelledData, schemaVersion: 1 },
} as const satisfies { [T in ActivityEvent['type']]: { schema: z.ZodType; schemaVersion: number } };
