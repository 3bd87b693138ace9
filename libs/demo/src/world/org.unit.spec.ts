import { describe, expect, it } from 'vitest';
import { Organisation, type Consultant, type Team } from './org.js';

function team(id: string): Team {
  return {
    id,
    name: id,
    productLines: [],
    managerId: `${id}-manager`,
    trajectory: 'steady',
    baseQuality: 0.5,
    members: [],
    salesIds: [],
  };
}

function consultant(id: string, teamId: string, level: Consultant['level'] = 'engineer'): Consultant {
  return {
    id,
    teamId,
    level,
    skills: [],
    weeklyCapacityHours: 40,
    assignments: new Map(),
    active: true,
    goalCount: 0,
  };
}

/** What a war room read before decision 0051: every other team's active members, copied. */
function outsideByCopying(org: Organisation, own: Team): string[] {
  return org.teams.filter((each) => each.id !== own.id).flatMap((each) => org.activeMembers(each).map((c) => c.id));
}

function read(org: Organisation, own: Team): string[] {
  const view = org.activeMembersOutside(own);
  return Array.from({ length: view.length }, (_, index) => view.at(index)!.id);
}

describe('Organisation.activeMembersOutside', () => {
  it('lists the active members of the other teams in team order, and follows every join and leave', () => {
    const org = new Organisation();
    const [north, south, east] = [team('north'), team('south'), team('east')];
    for (const each of [north, south, east]) {
      org.addTeam(each);
      org.join(each, consultant(each.managerId, each.id, 'manager'));
    }
    const people = ['n1', 'n2', 's1', 'e1', 'e2', 'e3'].map((id) =>
      consultant(id, id.startsWith('n') ? 'north' : id.startsWith('s') ? 'south' : 'east'),
    );
    for (const person of people)
      org.join(person.teamId === 'north' ? north : person.teamId === 'south' ? south : east, person);
    for (const own of [north, south, east]) expect(read(org, own)).toEqual(outsideByCopying(org, own));
    expect(read(org, south)).toEqual(['n1', 'n2', 'e1', 'e2', 'e3']);

    org.leave(east, people[4]!);
    const west = team('west');
    org.addTeam(west);
    org.join(west, consultant('w1', 'west'));
    org.join(north, consultant('n3', 'north'));
    for (const own of [north, south, east, west]) expect(read(org, own)).toEqual(outsideByCopying(org, own));
    expect(read(org, east)).toEqual(['n1', 'n2', 'n3', 's1', 'w1']);
  });
});
