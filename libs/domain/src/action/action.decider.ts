import type { Aggregate } from '../shared/aggregate.js';
import { decideCorrectiveAction, type CorrectiveActionCommand } from './action.commands.js';
import type { CorrectiveActionEvent } from './action.events.js';
import { checkCorrectiveActionEvent } from './action.rules.js';
import { evolveCorrectiveAction, initialCorrectiveActionState, type CorrectiveActionState } from './action.state.js';

export const correctiveActionDecider: Aggregate<CorrectiveActionCommand, CorrectiveActionEvent, CorrectiveActionState> =
  {
    category: 'action',
    initialState: initialCorrectiveActionState,
    decide: decideCorrectiveAction,
    evolve: evolveCorrectiveAction,
    check: checkCorrectiveActionEvent,
  };
