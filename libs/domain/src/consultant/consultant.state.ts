import { Decimal } from '../money/decimal.js';
import type { Money } from '../money/money.js';
import { GrowOnlyMap } from '../shared/grow-only-map.js';
import { GrowOnlySet } from '../shared/grow-only-set.js';
import { assertNever } from '../shared/message.js';
import type { ConsultantAssigned, ConsultantEvent, ConsultantOnboarded } from './consultant.events.js';

export interface ConsultantFacts {
  readonly consultantId: string;
  readonly teamId: string;
  readonly level: ConsultantOnboarded['data']['level'];
  readonly weeklyCapacityHours: number;
  readonly hourlyCost: Money;
}

export interface Assignment {
  readonly opportunityId: string;
  readonly role: ConsultantAssigned['data']['role'];
  readonly allocationPct: number;
  readonly from: string;
  readonly to: string;
  /** A released assignment no longer counts in the consultant's load. */
  readonly released: boolean;
}

export interface GrowthGoal {
  readonly skill: string;
  readonly targetLevel: number;
  readonly dueAt: string;
  readonly achieved: boolean;
}

/** Grow-only collections: a consultant logs time every day, so copying them per event is quadratic. */
export interface ConsultantRecord {
  readonly consultant: ConsultantFacts;
  readonly assignments: GrowOnlyMap<string, Assignment>;
  readonly timeEntryIds: GrowOnlySet<string>;
  /** Hours logged per calendar day, to keep a day within 24 hours. */
  readonly hoursByDate: GrowOnlyMap<string, Decimal>;
  /** Certified level per skill; a later certification replaces an earlier one. */
  readonly skills: GrowOnlyMap<string, number>;
  readonly goals: GrowOnlyMap<string, GrowthGoal>;
}

/** An offboarded consultant keeps their record for history and accepts nothing more. */
export type ConsultantState =
  | { readonly status: 'none' }
  | (ConsultantRecord & { readonly status: 'active' })
  | (ConsultantRecord & { readonly status: 'offboarded' });

export const initialConsultantState: ConsultantState = { status: 'none' };

export function evolveConsultant(state: ConsultantState, event: ConsultantEvent): ConsultantState {
  if (event.type === 'ConsultantOnboarded') {
    const { consultantId, teamId, level, weeklyCapacityHours, hourlyCost } = event.data;
    return {
      status: 'active',
      consultant: { consultantId, teamId, level, weeklyCapacityHours, hourlyCost },
      assignments: GrowOnlyMap.empty(),
      timeEntryIds: GrowOnlySet.empty(),
      hoursByDate: GrowOnlyMap.empty(),
      skills: GrowOnlyMap.empty(),
      goals: GrowOnlyMap.empty(),
    };
  }
  if (state.status !== 'active') return state;
  switch (event.type) {
    case 'ConsultantAssigned': {
      const { assignmentId, opportunityId, role, allocationPct, from, to } = event.data;
      return {
        ...state,
        assignments: state.assignments.with(assignmentId, {
          opportunityId,
          role,
          allocationPct,
          from,
          to,
          released: false,
        }),
      };
    }
    case 'ConsultantReleased': {
      const assignment = state.assignments.get(event.data.assignmentId);
      if (assignment === undefined) return state;
      return {
        ...state,
        assignments: state.assignments.with(event.data.assignmentId, { ...assignment, released: true }),
      };
    }
    case 'TimeLogged': {
      const { entryId, date, hours } = event.data;
      const logged = (state.hoursByDate.get(date) ?? Decimal.ZERO).plus(Decimal.fromNumber(hours));
      return {
        ...state,
        timeEntryIds: state.timeEntryIds.with(entryId),
        hoursByDate: state.hoursByDate.with(date, logged),
      };
    }
    case 'SkillCertified':
      return { ...state, skills: state.skills.with(event.data.skill, event.data.level) };
    case 'GrowthGoalSet': {
      const { goalId, skill, targetLevel, dueAt } = event.data;
      return { ...state, goals: state.goals.with(goalId, { skill, targetLevel, dueAt, achieved: false }) };
    }
    case 'GrowthGoalAchieved': {
      const goal = state.goals.get(event.data.goalId);
      if (goal === undefined) return state;
      return { ...state, goals: state.goals.with(event.data.goalId, { ...goal, achieved: true }) };
    }
    case 'ConsultantOffboarded':
      return { ...state, status: 'offboarded' };
    default:
      return assertNever(event, 'consultant event');
  }
}
