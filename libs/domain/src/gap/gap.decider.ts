import type { Aggregate } from '../shared/aggregate.js';
import { decideProductGap, type ProductGapCommand } from './gap.commands.js';
import type { ProductGapEvent } from './gap.events.js';
import { checkProductGapEvent } from './gap.rules.js';
import { evolveProductGap, initialProductGapState, type ProductGapState } from './gap.state.js';

export const productGapDecider: Aggregate<ProductGapCommand, ProductGapEvent, ProductGapState> = {
  category: 'gap',
  initialState: initialProductGapState,
  decide: decideProductGap,
  evolve: evolveProductGap,
  check: checkProductGapEvent,
};
