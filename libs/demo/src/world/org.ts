import type { Actor } from '@presales/domain';
import type { ListView } from './list-view.js';

/** How a team's practice develops over the history: what makes maturity differ between teams. */
export type Trajectory = 'improving' | 'steady' | 'declining';

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly productLines: readonly string[];
  readonly managerId: string;
  readonly trajectory: Trajectory;
  /** Practice quality at the start, 0..1. */
  readonly baseQuality: number;
  readonly members: string[];
  readonly salesIds: readonly string[];
}

export interface Consultant {
  readonly id: string;
  readonly teamId: string;
  readonly level: 'junior' | 'engineer' | 'senior' | 'principal' | 'manager';
  readonly skills: readonly string[];
  readonly weeklyCapacityHours: number;
  /** Opportunities the consultant is assigned to now, by assignment id. */
  readonly assignments: Map<string, string>;
  active: boolean;
  goalCount: number;
}

/** The organisation as the simulation knows it; the events are the record of it. */
export class Organisation {
  readonly teams: Team[] = [];
  readonly consultants = new Map<string, Consultant>();
  /** Published, unretired knowledge assets by product line. */
  readonly assets = new Map<string, string[]>();
  /** Open product gaps by product line. */
  readonly openGaps = new Map<string, string[]>();
  /** Current checklist version of each process area's published standard. */
  readonly standards = new Map<string, number>();

  /**
   * A team's practice quality at `monthsIn` months into the history, 0.05..0.97: improving
   * teams gain about 0.4 over two years, declining ones lose 0.2, steady ones stay put.
   */
  quality(team: Team, monthsIn: number): number {
    const slope = team.trajectory === 'improving' ? 0.017 : team.trajectory === 'declining' ? -0.009 : 0;
    return Math.min(0.97, Math.max(0.05, team.baseQuality + slope * monthsIn));
  }

  teamOf(consultantId: string): Team {
    const team = this.teams.find((candidate) => candidate.id === this.consultants.get(consultantId)?.teamId);
    if (team === undefined) throw new Error(`demo: consultant ${consultantId} has no team`);
    return team;
  }

  activeMembers(team: Team): Consultant[] {
    return team.members
      .map((id) => this.consultants.get(id)!)
      .filter((consultant) => consultant.active && consultant.level !== 'manager');
  }

  /**
   * Every team's active members, team after team, and where each team's run starts: built once
   * per change of membership rather than once per war room, which read every consultant of the
   * organisation and so grew with its square (decision 0051).
   */
  private staff: { readonly members: Consultant[]; readonly runs: Map<string, number> } | undefined;

  addTeam(team: Team): void {
    this.teams.push(team);
    this.staff = undefined;
  }

  join(team: Team, consultant: Consultant): void {
    this.consultants.set(consultant.id, consultant);
    team.members.push(consultant.id);
    this.staff = undefined;
  }

  leave(team: Team, consultant: Consultant): void {
    consultant.active = false;
    this.consultants.delete(consultant.id);
    team.members.splice(team.members.indexOf(consultant.id), 1);
    this.staff = undefined;
  }

  /** The active members of every team but `team`, in team order: the teams' `activeMembers`, one after another. */
  activeMembersOutside(team: Team): ListView<Consultant> {
    if (this.staff === undefined) {
      const members: Consultant[] = [];
      const runs = new Map<string, number>();
      for (const each of this.teams) {
        runs.set(each.id, members.length);
        members.push(...this.activeMembers(each));
      }
      this.staff = { members, runs };
    }
    const { members, runs } = this.staff;
    const start = runs.get(team.id) ?? members.length;
    const own = runs.has(team.id) ? this.activeMembers(team).length : 0;
    return {
      length: members.length - own,
      at: (index) => (index < 0 ? undefined : members[index < start ? index : index + own]),
    };
  }
}

export const PMO: Actor = { id: 'pmo-office', role: 'admin' };

export function consultantActor(id: string): Actor {
  return { id, role: 'consultant' };
}

export function managerActor(id: string): Actor {
  return { id, role: 'manager' };
}

export function salesActor(id: string): Actor {
  return { id, role: 'sales' };
}
