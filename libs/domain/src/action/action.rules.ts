import { IllegalStateError } from '../shared/errors.js';
import { assertNever } from '../shared/message.js';
import { checkAddressee, checkCreation, notCreated } from '../shared/rules.js';
import type { CorrectiveActionEvent } from './action.events.js';
import type { CorrectiveActionState } from './action.state.js';

/** An action is completed once, then verified once; every event names its own action. */
export function checkCorrectiveActionEvent(
  state: CorrectiveActionState,
  event: CorrectiveActionEvent,
  actionId: string,
): void {
  const subject = `corrective action ${actionId}`;
  const reject = (rule: string) => new IllegalStateError(subject, rule);
  if (event.type === 'CorrectiveActionRaised') {
    return checkCreation('corrective action', actionId, state.status !== 'none', event.type, event.data.actionId);
  }
  if (state.status === 'none') throw notCreated(subject, event.type, 'CorrectiveActionRaised');
  checkAddressee(`corrective action ${state.action.actionId}`, state.action.actionId, actionId, event.type);
  if (event.data.actionId !== actionId)
    throw reject(`${event.type} names ${JSON.stringify(event.data.actionId)}, not this stream's id`);
  switch (event.type) {
    case 'CorrectiveActionCompleted':
      if (state.status !== 'raised')
        throw reject(`CorrectiveActionCompleted again: the action is already ${state.status}`);
      return;
    case 'CorrectiveActionVerified':
      if (state.status === 'raised') throw reject('CorrectiveActionVerified before CorrectiveActionCompleted');
      if (state.status === 'verified') throw reject('CorrectiveActionVerified again: the action is already verified');
      return;
    default:
      assertNever(event, 'corrective action event');
  }
}
