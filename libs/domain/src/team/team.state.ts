import { assertNever } from '../shared/message.js';
import type { TeamEvent } from './team.events.js';

export interface TeamFacts {
  readonly teamId: string;
  readonly managerId: string;
  readonly productLines: readonly string[];
}

/** Peacetime organisation: a team and its members. */
export type TeamState =
  | { readonly status: 'none' }
  | { readonly status: 'formed'; readonly team: TeamFacts; readonly memberIds: ReadonlySet<string> };

export const initialTeamState: TeamState = { status: 'none' };

export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  if (event.type === 'TeamFormed') {
    const { teamId, managerId, productLines } = event.data;
    return { status: 'formed', team: { teamId, managerId, productLines }, memberIds: new Set() };
  }
  if (state.status !== 'formed') return state;
  switch (event.type) {
    case 'TeamMemberAdded':
      return { ...state, memberIds: new Set(state.memberIds).add(event.data.consultantId) };
    case 'TeamMemberRemoved': {
      const memberIds = new Set(state.memberIds);
      memberIds.delete(event.data.consultantId);
      return { ...state, memberIds };
    }
    default:
      return assertNever(event, 'team event');
  }
}
