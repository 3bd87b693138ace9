import type { Aggregate } from '../shared/aggregate.js';
import { decideOpportunity, type OpportunityCommand } from './opportunity.commands.js';
import type { OpportunityEvent } from './opportunity.events.js';
import { checkOpportunityEvent } from './opportunity.rules.js';
import { evolveOpportunity, initialOpportunityState, type OpportunityState } from './opportunity.state.js';

export const opportunityDecider: Aggregate<OpportunityCommand, OpportunityEvent, OpportunityState> = {
  category: 'opportunity',
  initialState: initialOpportunityState,
  decide: decideOpportunity,
  evolve: evolveOpportunity,
  check: checkOpportunityEvent,
};
