import { IllegalStateError } from '../shared/errors.js';
import { assertNever } from '../shared/message.js';
import { checkAddressee, checkCreation, notCreated } from '../shared/rules.js';
import type { ActivityEvent } from './activity.events.js';
import type { ActivityState } from './activity.state.js';

/**
 * An activity is completed or cancelled once, and then accepts nothing. PoC success criteria are
 * recorded for PoCs, and only for them, met ≤ total: poc_success_rate divides met by total.
 */
export function checkActivityEvent(state: ActivityState, event: ActivityEvent, activityId: string): void {
  const subject = `activity ${activityId}`;
  const reject = (rule: string, fields: readonly string[] = []) => new IllegalStateError(subject, rule, fields);
  if (event.type === 'ActivityScheduled')
    return checkCreation('activity', activityId, state.status !== 'none', event.type, event.data.activityId);
  if (state.status === 'none') throw notCreated(subject, event.type, 'ActivityScheduled');
  checkAddressee(`activity ${state.activity.activityId}`, state.activity.activityId, activityId, event.type);
  if (state.status !== 'scheduled') throw reject(`${event.type} after the activity was ${state.status}`);
  switch (event.type) {
    case 'ActivityCompleted': {
      const isPoc = state.activity.kind === 'poc';
      const hasCriteria = event.data.pocCriteriaTotal !== undefined;
      if (isPoc && !hasCriteria)
        throw reject('a PoC is completed with pocCriteriaMet and pocCriteriaTotal', [
          'pocCriteriaMet',
          'pocCriteriaTotal',
        ]);
      if (!isPoc && hasCriteria)
        throw reject(`PoC criteria on a ${state.activity.kind}: only a poc has them`, [
          'pocCriteriaMet',
          'pocCriteriaTotal',
        ]);
      const { pocCriteriaMet: met, pocCriteriaTotal: total } = event.data;
      if (met !== undefined && total !== undefined && met > total)
        throw reject(`pocCriteriaMet ${met} is more than pocCriteriaTotal ${total}`, ['pocCriteriaMet']);
      return;
    }
    case 'ActivityCancelled':
      return;
    default:
      assertNever(event, 'activity event');
  }
}
