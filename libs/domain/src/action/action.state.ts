import type { KpiScope } from '../kpi/kpi.scope.js';
import { assertNever } from '../shared/message.js';
import type { CorrectiveActionEvent } from './action.events.js';

export interface CorrectiveActionFacts {
  readonly actionId: string;
  readonly kpiId: string;
  readonly period: string;
  readonly scope: KpiScope;
  readonly ownerId: string;
  readonly dueAt: string;
}

/** raised → completed → verified (effective or not). */
export type CorrectiveActionState =
  | { readonly status: 'none' }
  | { readonly status: 'raised'; readonly action: CorrectiveActionFacts }
  | { readonly status: 'completed'; readonly action: CorrectiveActionFacts }
  | { readonly status: 'verified'; readonly action: CorrectiveActionFacts; readonly effective: boolean };

export const initialCorrectiveActionState: CorrectiveActionState = { status: 'none' };

export function evolveCorrectiveAction(
  state: CorrectiveActionState,
  event: CorrectiveActionEvent,
): CorrectiveActionState {
  switch (event.type) {
    case 'CorrectiveActionRaised': {
      const { actionId, kpiId, period, scope, ownerId, dueAt } = event.data;
      return { status: 'raised', action: { actionId, kpiId, period, scope, ownerId, dueAt } };
    }
    case 'CorrectiveActionCompleted':
      return state.status === 'raised' ? { status: 'completed', action: state.action } : state;
    case 'CorrectiveActionVerified':
      return state.status === 'completed'
        ? { status: 'verified', action: state.action, effective: event.data.effective }
        : state;
    default:
      return assertNever(event, 'corrective action event');
  }
}
