import { assertNever } from '../shared/message.js';
import type { ActivityEvent, ActivityKind } from './activity.events.js';

export interface ActivityFacts {
  readonly activityId: string;
  readonly opportunityId: string;
  readonly kind: ActivityKind;
  readonly consultantIds: readonly string[];
  readonly scheduledFor: string;
  readonly plannedHours: number;
}

/** `completed` and `cancelled` are final. */
export type ActivityState =
  | { readonly status: 'none' }
  | { readonly status: 'scheduled'; readonly activity: ActivityFacts }
  | { readonly status: 'completed'; readonly activity: ActivityFacts; readonly actualHours: number }
  | { readonly status: 'cancelled'; readonly activity: ActivityFacts };

export const initialActivityState: ActivityState = { status: 'none' };

export function evolveActivity(state: ActivityState, event: ActivityEvent): ActivityState {
  switch (event.type) {
    case 'ActivityScheduled':
      return { status: 'scheduled', activity: event.data };
    case 'ActivityCompleted':
      return state.status === 'scheduled'
        ? { status: 'completed', activity: state.activity, actualHours: event.data.actualHours }
        : state;
    case 'ActivityCancelled':
      return state.status === 'scheduled' ? { status: 'cancelled', activity: state.activity } : state;
    default:
      return assertNever(event, 'activity event');
  }
}
