import type { Aggregate } from '../shared/aggregate.js';
import { decideProcessStandard, type ProcessStandardCommand } from './process.commands.js';
import type { ProcessStandardEvent } from './process.events.js';
import { checkProcessStandardEvent } from './process.rules.js';
import { evolveProcessStandard, initialProcessStandardState, type ProcessStandardState } from './process.state.js';

export const processStandardDecider: Aggregate<ProcessStandardCommand, ProcessStandardEvent, ProcessStandardState> = {
  category: 'process',
  initialState: initialProcessStandardState,
  decide: decideProcessStandard,
  evolve: evolveProcessStandard,
  check: checkProcessStandardEvent,
};
