import type { z } from 'zod';
import { checkedEvents } from '../shared/aggregate.js';
import { metaOf, validateCommand, type ValidCommandUnion, without } from '../shared/command.js';
import { assertNever, type Command } from '../shared/message.js';
import { EntityId } from '../shared/primitives.js';
import { TeamFormedData, TeamMemberAddedData, TeamMemberRemovedData, type TeamEvent } from './team.events.js';
import { checkTeamEvent } from './team.rules.js';
import { evolveTeam, type TeamState } from './team.state.js';

const toTeam = { teamId: EntityId };

export const FormTeamData = TeamFormedData;
export const AddTeamMemberData = TeamMemberAddedData.safeExtend(toTeam).meta(metaOf(TeamMemberAddedData));
export const RemoveTeamMemberData = TeamMemberRemovedData.safeExtend(toTeam).meta(metaOf(TeamMemberRemovedData));

export const TEAM_COMMAND_SCHEMAS = {
  FormTeam: FormTeamData,
  AddTeamMember: AddTeamMemberData,
  RemoveTeamMember: RemoveTeamMemberData,
} as const;

export type FormTeam = Command<'FormTeam', z.input<typeof FormTeamData>>;
export type AddTeamMember = Command<'AddTeamMember', z.input<typeof AddTeamMemberData>>;
export type RemoveTeamMember = Command<'RemoveTeamMember', z.input<typeof RemoveTeamMemberData>>;

export type TeamCommand = FormTeam | AddTeamMember | RemoveTeamMember;

type ValidTeamCommand = ValidCommandUnion<typeof TEAM_COMMAND_SCHEMAS>;

export function decideTeam(command: TeamCommand, state: TeamState): readonly TeamEvent[] {
  const valid = validateCommand(TEAM_COMMAND_SCHEMAS, command);
  return checkedEvents(checkTeamEvent, evolveTeam, state, valid.data.teamId, valid.metadata.occurredAt, [
    teamEventFor(valid),
  ]);
}

function teamEventFor(command: ValidTeamCommand): TeamEvent {
  switch (command.type) {
    case 'FormTeam':
      return { type: 'TeamFormed', data: command.data };
    case 'AddTeamMember':
      return { type: 'TeamMemberAdded', data: without(command.data, 'teamId') };
    case 'RemoveTeamMember':
      return { type: 'TeamMemberRemoved', data: without(command.data, 'teamId') };
    default:
      return assertNever(command, 'team command');
  }
}
