import { Decimal } from '../money/decimal.js';
import type { Money } from '../money/money.js';
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

export interface ConsultantRecord {
  readonly consultant: ConsultantFacts;
  readonly assignments: ReadonlyMap<string, Assignment>;
  readonly timeEntryIds: ReadonlySet<string>;
  /** Hours logged per calendar day, to keep a day within 24 hours. */
  readonly hoursByDate: ReadonlyMap<string, Decimal>;
  /** Certified level per skill; a later certification replaces an earlier one. */
  readonly skills: ReadonlyMap<string, number>;
  readonly goals: ReadonlyMap<string, GrowthGoal>;
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
      assignments: new Map(),
      timeEntryIds: new Set(),
      hoursByDate: new Map(),
      skills: new Map(),
      goals: new Map(),
    };
  }
  if (state.status !== 'active') return state;
  switch (event.type) {
    case 'ConsultantAssigned': {
      const { assignmentId, opportunityId, role, allocationPct, from, to } = event.data;
      return { ...state, assignments: new Map(state.assignments).set(assignmentId, { opportunityId, role, allocationPct, from, to, released: false }) };
    }
    case 'ConsultantReleased': {
      const assignment = state.assignments.get(event.data.assignmentId);
      if (assignment === undefined) return state;
      return { ...state, assignments: new Map(state.assignments).set(event.data.assignmentId, { ...assignment, released: true }) };
    }
    case 'TimeLogged': {
      const { entryId, date, hours } = event.data;
      const logged = (state.hoursByDate.get(date) ?? Decimal.ZERO).plus(Decimal.fromNumber(hours));
      return { ...state, timeEntryIds: new Set(state.timeEntryIds).add(entryId), hoursByDate: new Map(state.hoursByDate).set(date, logged) };
    }
    case 'SkillCertified':
      return { ...state, skills: new Map(state.skills).set(event.data.skill, event.data.level) };
    case 'GrowthGoalSet': {
      const { goalId, skill, targetLevel, dueAt } = event.data;
      return { ...state, goals: new Map(state.goals).set(goalId, { skill, targetLevel, dueAt, achieved: false }) };
    }
    case 'GrowthGoalAchieved': {
      const goal = state.goals.get(event.data.goalId);
      if (goal === undefined) return state;
      return { ...state, goals: new Map(state.goals).set(event.data.goalId, { ...goal, achieved: true }) };
    }
    case 'ConsultantOffboarded':
      return { ...state, status: 'offboarded' };
    default:
      return assertNever(event, 'consultant event');
  }
}
