import type { z } from 'zod';
import { checkedEvents } from '../shared/aggregate.js';
import { metaOf, validateCommand, type ValidCommandUnion, without } from '../shared/command.js';
import { assertNever, type Command } from '../shared/message.js';
import { EntityId } from '../shared/primitives.js';
import {
  ActivityCancelledData,
  ActivityCompletedData,
  ActivityScheduledData,
  type ActivityEvent,
} from './activity.events.js';
import { checkActivityEvent } from './activity.rules.js';
import { evolveActivity, type ActivityState } from './activity.state.js';

const toActivity = { activityId: EntityId };

export const ScheduleActivityData = ActivityScheduledData;
export const CompleteActivityData = ActivityCompletedData.safeExtend(toActivity).meta(metaOf(ActivityCompletedData));
export const CancelActivityData = ActivityCancelledData.safeExtend(toActivity).meta(metaOf(ActivityCancelledData));

export const ACTIVITY_COMMAND_SCHEMAS = {
  ScheduleActivity: ScheduleActivityData,
  CompleteActivity: CompleteActivityData,
  CancelActivity: CancelActivityData,
} as const;

export type ScheduleActivity = Command<'ScheduleActivity', z.input<typeof ScheduleActivityData>>;
export type CompleteActivity = Command<'CompleteActivity', z.input<typeof CompleteActivityData>>;
export type CancelActivity = Command<'CancelActivity', z.input<typeof CancelActivityData>>;

export type ActivityCommand = ScheduleActivity | CompleteActivity | CancelActivity;

type ValidActivityCommand = ValidCommandUnion<typeof ACTIVITY_COMMAND_SCHEMAS>;

export function decideActivity(command: ActivityCommand, state: ActivityState): readonly ActivityEvent[] {
  const valid = validateCommand(ACTIVITY_COMMAND_SCHEMAS, command);
  return checkedEvents(checkActivityEvent, evolveActivity, state, valid.data.activityId, valid.metadata.occurredAt, [
    activityEventFor(valid),
  ]);
}

function activityEventFor(command: ValidActivityCommand): ActivityEvent {
  switch (command.type) {
    case 'ScheduleActivity':
      return { type: 'ActivityScheduled', data: command.data };
    case 'CompleteActivity':
      return { type: 'ActivityCompleted', data: without(command.data, 'activityId') };
    case 'CancelActivity':
      return { type: 'ActivityCancelled', data: without(command.data, 'activityId') };
    default:
      return assertNever(command, 'activity command');
  }
}
