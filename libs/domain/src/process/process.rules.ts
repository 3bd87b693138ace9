import { IllegalStateError } from '../shared/errors.js';
import { assertNever } from '../shared/message.js';
import type { ProcessStandardEvent } from './process.events.js';
import { nextStandardVersion, type ProcessStandardState } from './process.state.js';

/** `process-<area>` holds one area's standard; versions follow one another from 1. */
export function checkProcessStandardEvent(
  state: ProcessStandardState,
  event: ProcessStandardEvent,
  area: string,
): void {
  const subject = `process standard ${area}`;
  switch (event.type) {
    case 'ProcessStandardPublished': {
      if (event.data.area !== area)
        throw new IllegalStateError(
          subject,
          `ProcessStandardPublished names area ${event.data.area}, not this stream's area`,
        );
      const expected = nextStandardVersion(state);
      if (event.data.version !== expected)
        throw new IllegalStateError(
          subject,
          `ProcessStandardPublished version ${event.data.version}, but the next version is ${expected}`,
        );
      return;
    }
    default:
      assertNever(event.type, 'process standard event');
  }
}
