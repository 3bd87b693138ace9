import type { Decider } from '../shared/decider.js';
import { decideTender, type TenderCommand } from './tender.commands.js';
import type { TenderEvent } from './tender.events.js';
import { evolveTender, initialTenderState, type TenderState } from './tender.state.js';

export const tenderDecider: Decider<TenderCommand, TenderEvent, TenderState> = {
  initialState: initialTenderState,
  decide: decideTender,
  evolve: evolveTender,
};
