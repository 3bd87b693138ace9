import type { Aggregate } from '../shared/aggregate.js';
import { decideTeam, type TeamCommand } from './team.commands.js';
import type { TeamEvent } from './team.events.js';
import { checkTeamEvent } from './team.rules.js';
import { evolveTeam, initialTeamState, type TeamState } from './team.state.js';

export const teamDecider: Aggregate<TeamCommand, TeamEvent, TeamState> = {
  category: 'team',
  initialState: initialTeamState,
  decide: decideTeam,
  evolve: evolveTeam,
  check: checkTeamEvent,
};
