import type { Aggregate } from '../shared/aggregate.js';
import { decideActivity, type ActivityCommand } from './activity.commands.js';
import type { ActivityEvent } from './activity.events.js';
import { checkActivityEvent } from './activity.rules.js';
import { evolveActivity, initialActivityState, type ActivityState } from './activity.state.js';

export const activityDecider: Aggregate<ActivityCommand, ActivityEvent, ActivityState> = {
  category: 'activity',
  initialState: initialActivityState,
  decide: decideActivity,
  evolve: evolveActivity,
  check: checkActivityEvent,
};
