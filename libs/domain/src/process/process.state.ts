import { assertNever } from '../shared/message.js';
import type { ProcessArea } from '../shared/vocabulary.js';
import type { ProcessStandardEvent } from './process.events.js';

/** The current standard of one process area; each publication replaces the previous version. */
export type ProcessStandardState =
  | { readonly status: 'none' }
  | {
      readonly status: 'published';
      readonly area: ProcessArea;
      readonly version: number;
      readonly checklist: readonly string[];
    };

export const initialProcessStandardState: ProcessStandardState = { status: 'none' };

export function evolveProcessStandard(_state: ProcessStandardState, event: ProcessStandardEvent): ProcessStandardState {
  switch (event.type) {
    case 'ProcessStandardPublished':
      return {
        status: 'published',
        area: event.data.area,
        version: event.data.version,
        checklist: event.data.checklist,
      };
    default:
      return assertNever(event.type, 'process standard event');
  }
}

/** The version the next publication carries. */
export function nextStandardVersion(state: ProcessStandardState): number {
  return state.status === 'none' ? 1 : state.version + 1;
}
