import { describe, expect, it } from 'vitest';
import { foldEvents } from '../shared/decider.js';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors.js';
import { commandOf } from '../testing/command-fixture.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import type { TeamCommand } from './team.commands.js';
import { teamDecider } from './team.decider.js';
import type { TeamEvent } from './team.events.js';

const spec = deciderSpecification(teamDecider);
const cmd = commandOf<TeamCommand, TeamCommand['type']>;
const teamId = 'TEAM-E';

const formation = { teamId, name: 'East China presales', managerId: 'M-1', productLines: ['erp', 'bi'] };
const formed: TeamEvent = { type: 'TeamFormed', data: formation };
const added: TeamEvent = { type: 'TeamMemberAdded', data: { consultantId: 'C-1' } };
const removed: TeamEvent = { type: 'TeamMemberRemoved', data: { consultantId: 'C-1' } };
const add = cmd('AddTeamMember', { teamId, consultantId: 'C-1' });
const remove = cmd('RemoveTeamMember', { teamId, consultantId: 'C-1' });

describe('FormTeam', () => {
  it('forms a team once', () => {
    spec.given([]).when(cmd('FormTeam', formation)).then([formed]);
    spec
      .given([formed])
      .when(cmd('FormTeam', formation))
      .thenThrows(IllegalStateError, 'team TEAM-E: TeamFormed already recorded for this team');
  });

  it('lists each product line once', () => {
    spec
      .given([])
      .when(cmd('FormTeam', { ...formation, productLines: ['erp', 'erp'] }))
      .thenThrows(ValidationError, 'FormTeam: productLines.1 = "erp": must not repeat "erp"');
  });
});

describe('AddTeamMember and RemoveTeamMember', () => {
  it('adds, removes and re-adds a member', () => {
    spec.given([formed]).when(add).then([added]);
    spec.given([formed, added]).when(remove).then([removed]);
    spec.given([formed, added, removed]).when(add).then([added]);
  });

  it('rejects adding a member twice and removing a non-member', () => {
    spec.given([formed, added]).when(add).thenThrows(IllegalStateError, 'team TEAM-E: C-1 is already a member');
    spec
      .given([formed])
      .when(remove)
      .thenThrows(
        NotFoundError,
        'team TEAM-E member C-1: not found (TeamMemberRemoved needs the consultant to be a member)',
      );
  });

  it('needs the team first', () => {
    spec
      .given([])
      .when(add)
      .thenThrows(NotFoundError, 'team TEAM-E: not found (TeamMemberAdded needs TeamFormed first)');
  });

  it('refuses a command addressed to another team', () => {
    spec
      .given([formed])
      .when(cmd('AddTeamMember', { teamId: 'TEAM-W', consultantId: 'C-1' }))
      .thenThrows(IllegalStateError, 'team TEAM-E: TeamMemberAdded addressed to "TEAM-W"');
  });

  it('keeps the member list', () => {
    const state = foldEvents(teamDecider, [
      formed,
      added,
      { type: 'TeamMemberAdded', data: { consultantId: 'C-2' } },
      removed,
    ]);
    expect(state.status === 'formed' && [...state.memberIds]).toEqual(['C-2']);
  });
});
