import { z } from 'zod';
import type { Event } from '../shared/message.js';
import {
  AllocationPct,
  EntityId,
  Hours,
  IntegerBetween,
  IsoDate,
  IsoUtcTime,
  MoneySchema,
  NonEmptyText,
  ProductLineId,
  SkillName,
  UniqueList,
} from '../shared/primitives.js';

export const CONSULTANT_LEVELS = ['junior', 'engineer', 'senior', 'principal', 'manager'] as const;
export const ASSIGNMENT_ROLES = ['lead', 'support', 'specialist'] as const;
export const TIME_CATEGORIES = ['customer_facing', 'solution', 'bid_writing', 'internal', 'training'] as const;

/** Hours in a day and in a week: the physical limits of logged and planned time. */
export const HOURS_PER_DAY = 24;
export const HOURS_PER_WEEK = 168;

const SkillLevel = IntegerBetween(1, 5);

export const ConsultantOnboardedData = z.strictObject({
  consultantId: EntityId,
  name: NonEmptyText,
  teamId: EntityId,
  level: z.enum(CONSULTANT_LEVELS),
  productLines: UniqueList(ProductLineId),
  skills: UniqueList(SkillName),
  weeklyCapacityHours: Hours.max(HOURS_PER_WEEK, `must be at most ${HOURS_PER_WEEK}`),
  hourlyCost: MoneySchema,
});

export const ConsultantAssignedData = z
  .strictObject({
    assignmentId: EntityId,
    opportunityId: EntityId,
    role: z.enum(ASSIGNMENT_ROLES),
    /** Share of the consultant's working week on this opportunity. */
    allocationPct: AllocationPct,
    /** First and last day of the assignment, inclusive. */
    from: IsoDate,
    to: IsoDate,
  })
  // `from` ≤ `to` compares two values, which JSON Schema cannot state: the consultant's rules check it (422).
  .meta({ description: '`from` ≤ `to`, both days inclusive.' });

export const ConsultantReleasedData = z.strictObject({ assignmentId: EntityId });

export const TimeLoggedData = z.strictObject({
  entryId: EntityId,
  date: IsoDate,
  hours: Hours.max(HOURS_PER_DAY, `must be at most ${HOURS_PER_DAY}`),
  category: z.enum(TIME_CATEGORIES),
  opportunityId: EntityId.optional(),
  activityId: EntityId.optional(),
});

export const SkillCertifiedData = z.strictObject({ skill: SkillName, level: SkillLevel });

export const GrowthGoalSetData = z.strictObject({
  goalId: EntityId,
  skill: SkillName,
  targetLevel: SkillLevel,
  dueAt: IsoUtcTime,
});

export const GrowthGoalAchievedData = z.strictObject({ goalId: EntityId });
export const ConsultantOffboardedData = z.strictObject({ reason: NonEmptyText });

export type ConsultantOnboarded = Event<'ConsultantOnboarded', z.output<typeof ConsultantOnboardedData>>;
export type ConsultantAssigned = Event<'ConsultantAssigned', z.output<typeof ConsultantAssignedData>>;
export type ConsultantReleased = Event<'ConsultantReleased', z.output<typeof ConsultantReleasedData>>;
export type TimeLogged = Event<'TimeLogged', z.output<typeof TimeLoggedData>>;
export type SkillCertified = Event<'SkillCertified', z.output<typeof SkillCertifiedData>>;
export type GrowthGoalSet = Event<'GrowthGoalSet', z.output<typeof GrowthGoalSetData>>;
export type GrowthGoalAchieved = Event<'GrowthGoalAchieved', z.output<typeof GrowthGoalAchievedData>>;
export type ConsultantOffboarded = Event<'ConsultantOffboarded', z.output<typeof ConsultantOffboardedData>>;

export type ConsultantEvent =
  | ConsultantOnboarded
  | ConsultantAssigned
  | ConsultantReleased
  | TimeLogged
  | SkillCertified
  | GrowthGoalSet
  | GrowthGoalAchieved
  | ConsultantOffboarded;

export const CONSULTANT_EVENT_SCHEMAS = {
  ConsultantOnboarded: { schema: ConsultantOnboardedData, schemaVersion: 1 },
  ConsultantAssigned: { schema: ConsultantAssignedData, schemaVersion: 1 },
  ConsultantReleased: { schema: ConsultantReleasedData, schemaVersion: 1 },
  TimeLogged: { schema: TimeLoggedData, schemaVersion: 1 },
  SkillCertified: { schema: SkillCertifiedData, schemaVersion: 1 },
  GrowthGoalSet: { schema: GrowthGoalSetData, schemaVersion: 1 },
  GrowthGoalAchieved: { schema: GrowthGoalAchievedData, schemaVersion: 1 },
  ConsultantOffboarded: { schema: ConsultantOffboardedData, schemaVersion: 1 },
} as const satisfies { [T in ConsultantEvent['type']]: { schema: z.ZodType; schemaVersion: number } };
