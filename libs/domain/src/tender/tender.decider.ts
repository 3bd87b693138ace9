import type { Aggregate } from '../shared/aggregate.js';
import { decideTender, type TenderCommand } from './tender.commands.js';
import type { TenderEvent } from './tender.events.js';
import { checkTenderEvent } from './tender.rules.js';
import { evolveTender, initialTenderState, type TenderState } from './tender.state.js';

export const tenderDecider: Aggregate<TenderCommand, TenderEvent, TenderState> = {
  category: 'tender',
  initialState: initialTenderState,
  decide: decideTender,
  evolve: evolveTender,
  check: checkTenderEvent,
};
