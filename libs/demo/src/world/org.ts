import type { Actor } from '@presales/domain';

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
