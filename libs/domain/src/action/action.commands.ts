import type { z } from 'zod';
import { checkedEvents } from '../shared/aggregate.js';
import { validateCommand, type ValidCommandUnion } from '../shared/command.js';
import { assertNever, type Command } from '../shared/message.js';
import {
  CorrectiveActionCompletedData,
  CorrectiveActionRaisedData,
  CorrectiveActionVerifiedData,
  type CorrectiveActionEvent,
} from './action.events.js';
import { checkCorrectiveActionEvent } from './action.rules.js';
import { evolveCorrectiveAction, type CorrectiveActionState } from './action.state.js';

// Corrective-action events name their action themselves, so each command is its event's payload.
export const RaiseCorrectiveActionData = CorrectiveActionRaisedData;
export const CompleteCorrectiveActionData = CorrectiveActionCompletedData;
export const VerifyCorrectiveActionData = CorrectiveActionVerifiedData;

export const ACTION_COMMAND_SCHEMAS = {
  RaiseCorrectiveAction: RaiseCorrectiveActionData,
  CompleteCorrectiveAction: CompleteCorrectiveActionData,
  VerifyCorrectiveAction: VerifyCorrectiveActionData,
} as const;

export type RaiseCorrectiveAction = Command<'RaiseCorrectiveAction', z.input<typeof RaiseCorrectiveActionData>>;
export type CompleteCorrectiveAction = Command<
  'CompleteCorrectiveAction',
  z.input<typeof CompleteCorrectiveActionData>
>;
export type VerifyCorrectiveAction = Command<'VerifyCorrectiveAction', z.input<typeof VerifyCorrectiveActionData>>;

export type CorrectiveActionCommand = RaiseCorrectiveAction | CompleteCorrectiveAction | VerifyCorrectiveAction;

type ValidCorrectiveActionCommand = ValidCommandUnion<typeof ACTION_COMMAND_SCHEMAS>;

export function decideCorrectiveAction(
  command: CorrectiveActionCommand,
  state: CorrectiveActionState,
): readonly CorrectiveActionEvent[] {
  const valid = validateCommand(ACTION_COMMAND_SCHEMAS, command);
  return checkedEvents(
    checkCorrectiveActionEvent,
    evolveCorrectiveAction,
    state,
    valid.data.actionId,
    valid.metadata.occurredAt,
    [actionEventFor(valid)],
  );
}

function actionEventFor(command: ValidCorrectiveActionCommand): CorrectiveActionEvent {
  switch (command.type) {
    case 'RaiseCorrectiveAction':
      return { type: 'CorrectiveActionRaised', data: command.data };
    case 'CompleteCorrectiveAction':
      return { type: 'CorrectiveActionCompleted', data: command.data };
    case 'VerifyCorrectiveAction':
      return { type: 'CorrectiveActionVerified', data: command.data };
    default:
      return assertNever(command, 'corrective action command');
  }
}
