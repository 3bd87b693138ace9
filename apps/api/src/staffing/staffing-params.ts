import { EntityId } from '@presales/domain';
import { MAX_PLAN_WEEKS } from '@presales/analytics';
import { z } from 'zod';

const Skill = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

/** Optional overrides of what the work calls for, and how many to answer. */
export const SuggestionParams = z.strictObject({
  skills: z
    .string()
    .max(700, 'must be at most 700 characters')
    .transform((text) =>
      text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .pipe(z.array(Skill).max(10, 'must name at most 10 skills'))
    .optional(),
  pct: z.coerce.number().gt(0, 'must be above 0').max(100, 'must be at most 100').optional(),
  weeks: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_PLAN_WEEKS, `must be at most ${MAX_PLAN_WEEKS}`)
    .optional(),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(50, 'must be at most 50')
    .default(10),
});

export const CapacityPlanParams = z.strictObject({
  teamId: EntityId.optional(),
  productLine: EntityId.optional(),
  weeks: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_PLAN_WEEKS, `must be at most ${MAX_PLAN_WEEKS}`)
    .default(MAX_PLAN_WEEKS),
});

export const RequestIds = z.object({ opportunityId: EntityId, requestId: EntityId });
export const ActivityIds = z.object({ activityId: EntityId });
export const WarRoomIds = z.object({ warRoomId: EntityId });

export const OpenRequestsParams = z.strictObject({
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(50),
});
