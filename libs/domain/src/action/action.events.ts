import { z } from 'zod';
import { KpiId, KpiPeriod, KpiScope } from '../kpi/kpi.scope.js';
import type { Event } from '../shared/message.js';
import { DecimalString, EntityId, IsoUtcTime, LongText } from '../shared/primitives.js';

/** PDCA "Act": an action raised for a KPI that missed its target in a period and scope. */
export const CorrectiveActionRaisedData = z.strictObject({
  actionId: EntityId,
  kpiId: KpiId,
  period: KpiPeriod,
  scope: KpiScope,
  rootCause: LongText,
  action: LongText,
  ownerId: EntityId,
  dueAt: IsoUtcTime,
});

export const CorrectiveActionCompletedData = z.strictObject({
  actionId: EntityId,
  result: LongText,
});

export const CorrectiveActionVerifiedData = z.strictObject({
  actionId: EntityId,
  effective: z.boolean(),
  /** The KPI's change attributed to the action, in the KPI's unit (signed). */
  measuredDelta: DecimalString,
});

export type CorrectiveActionRaised = Event<'CorrectiveActionRaised', z.output<typeof CorrectiveActionRaisedData>>;
export type CorrectiveActionCompleted = Event<
  'CorrectiveActionCompleted',
  z.output<typeof CorrectiveActionCompletedData>
>;
export type CorrectiveActionVerified = Event<'CorrectiveActionVerified', z.output<typeof CorrectiveActionVerifiedData>>;

export type CorrectiveActionEvent = CorrectiveActionRaised | CorrectiveActionCompleted | CorrectiveActionVerified;

export const ACTION_EVENT_SCHEMAS = {
  CorrectiveActionRaised: { schema: CorrectiveActionRaisedData, schemaVersion: 1 },
  CorrectiveActionCompleted: { schema: CorrectiveActionCompletedData, schemaVersion: 1 },
  CorrectiveActionVerified: { schema: CorrectiveActionVerifiedData, schemaVersion: 1 },
} as const satisfies { [T in CorrectiveActionEvent['type']]: { schema: z.ZodType; schemaVersion: number } };
