import type { Aggregate } from '../shared/aggregate.js';
import { decideConsultant, type ConsultantCommand } from './consultant.commands.js';
import type { ConsultantEvent } from './consultant.events.js';
import { checkConsultantEvent } from './consultant.rules.js';
import { evolveConsultant, initialConsultantState, type ConsultantState } from './consultant.state.js';

export const consultantDecider: Aggregate<ConsultantCommand, ConsultantEvent, ConsultantState> = {
  category: 'consultant',
  initialState: initialConsultantState,
  decide: decideConsultant,
  evolve: evolveConsultant,
  check: checkConsultantEvent,
};
