import { IllegalStateError } from '../shared/errors.js';
import { assertNever } from '../shared/message.js';
import { checkAddressee, checkCreation, notCreated } from '../shared/rules.js';
import type { ProductGapEvent } from './gap.events.js';
import type { ProductGapState } from './gap.state.js';

/** A gap is closed once. */
export function checkProductGapEvent(state: ProductGapState, event: ProductGapEvent, gapId: string): void {
  const subject = `product gap ${gapId}`;
  if (event.type === 'ProductGapIdentified')
    return checkCreation('product gap', gapId, state.status !== 'none', event.type, event.data.gapId);
  if (state.status === 'none') throw notCreated(subject, event.type, 'ProductGapIdentified');
  checkAddressee(`product gap ${state.gap.gapId}`, state.gap.gapId, gapId, event.type);
  switch (event.type) {
    case 'ProductGapClosed':
      if (state.status === 'closed')
        throw new IllegalStateError(subject, `ProductGapClosed again: already closed in release ${state.release}`);
      return;
    default:
      assertNever(event, 'product gap event');
  }
}
