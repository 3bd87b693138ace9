import { assertNever } from '../shared/message.js';
import type { TenderEvent } from './tender.events.js';

export type TenderState =
  | { readonly status: 'none' }
  | { readonly status: 'received'; readonly tenderId: string; readonly deadline: string };

export const initialTenderState: TenderState = { status: 'none' };

export function evolveTender(state: TenderState, event: TenderEvent): TenderState {
  switch (event.type) {
    case 'TenderReceived':
      return { status: 'received', tenderId: event.data.tenderId, deadline: event.data.deadline };
    default:
      return assertNever(event.type, 'tender event');
  }
}
