import { describe, expect, it } from 'vitest';
import { foldEvents } from '../shared/decider.js';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors.js';
import { commandOf } from '../testing/command-fixture.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import type { ConsultantCommand } from './consultant.commands.js';
import { consultantDecider } from './consultant.decider.js';
import type { ConsultantEvent } from './consultant.events.js';

const spec = deciderSpecification(consultantDecider);
const cmd = commandOf<ConsultantCommand, ConsultantCommand['type']>;
const consultantId = 'C-1';

const onboarding = {
  consultantId,
  name: 'Li Wei',
  teamId: 'TEAM-E',
  level: 'senior',
  productLines: ['erp'],
  skills: ['SAP FI', 'Kubernetes'],
  weeklyCapacityHours: 40,
  hourlyCost: { amount: '450', currency: 'CNY' },
} as const;
const onboarded: ConsultantEvent = { type: 'ConsultantOnboarded', data: onboarding };
const assignment = {
  assignmentId: 'AS-1',
  opportunityId: 'O-1',
  role: 'lead',
  allocationPct: 60,
  from: '2026-03-02',
  to: '2026-03-27',
} as const;
const assigned: ConsultantEvent = { type: 'ConsultantAssigned', data: assignment };
const released: ConsultantEvent = { type: 'ConsultantReleased', data: { assignmentId: 'AS-1' } };
const entry = (entryId: string, hours: number) =>
  ({ entryId, date: '2026-03-03', hours, category: 'solution', opportunityId: 'O-1' }) as const;
const logged = (entryId: string, hours: number): ConsultantEvent => ({
  type: 'TimeLogged',
  data: entry(entryId, hours),
});
const goal = { goalId: 'G-1', skill: 'Kubernetes', targetLevel: 4, dueAt: '2026-06-30T00:00:00Z' } as const;
const goalSet: ConsultantEvent = { type: 'GrowthGoalSet', data: goal };
const goalAchieved: ConsultantEvent = { type: 'GrowthGoalAchieved', data: { goalId: 'G-1' } };
const offboarded: ConsultantEvent = { type: 'ConsultantOffboarded', data: { reason: 'moved to sales' } };

const assign = (allocationPct = 60, assignmentId = 'AS-1') =>
  cmd('AssignConsultant', { consultantId, ...assignment, assignmentId, allocationPct });
const release = cmd('ReleaseConsultant', { consultantId, assignmentId: 'AS-1' });
const logTime = (entryId: string, hours: number) => cmd('LogTime', { consultantId, ...entry(entryId, hours) });
const setGoal = cmd('SetGrowthGoal', { consultantId, ...goal });
const achieveGoal = cmd('AchieveGrowthGoal', { consultantId, goalId: 'G-1' });

describe('OnboardConsultant', () => {
  it('onboards once', () => {
    spec.given([]).when(cmd('OnboardConsultant', onboarding)).then([onboarded]);
    spec
      .given([onboarded])
      .when(cmd('OnboardConsultant', onboarding))
      .thenThrows(IllegalStateError, 'consultant C-1: ConsultantOnboarded already recorded for this consultant');
  });

  it('keeps weekly capacity within a week', () => {
    spec
      .given([])
      .when(cmd('OnboardConsultant', { ...onboarding, weeklyCapacityHours: 200 }))
      .thenThrows(ValidationError, 'OnboardConsultant: weeklyCapacityHours = 200: must be at most 168');
  });
});

describe('AssignConsultant and ReleaseConsultant', () => {
  it('assigns and releases', () => {
    spec.given([onboarded]).when(assign()).then([assigned]);
    spec.given([onboarded, assigned]).when(release).then([released]);
  });

  it('accepts an assignment that overloads the consultant: overload is measured, not refused', () => {
    spec
      .given([onboarded, assigned])
      .when(assign(80, 'AS-2'))
      .then([{ type: 'ConsultantAssigned', data: { ...assignment, assignmentId: 'AS-2', allocationPct: 80 } }]);
  });

  it('rejects a repeated assignment id', () => {
    spec
      .given([onboarded, assigned])
      .when(assign())
      .thenThrows(IllegalStateError, 'consultant C-1: assignment AS-1 already recorded');
  });

  it('rejects the release of an unknown assignment, and a second release', () => {
    spec
      .given([onboarded])
      .when(release)
      .thenThrows(
        NotFoundError,
        'consultant C-1 assignment AS-1: not found (ConsultantReleased needs ConsultantAssigned first)',
      );
    spec
      .given([onboarded, assigned, released])
      .when(release)
      .thenThrows(IllegalStateError, 'consultant C-1: assignment AS-1 already released');
  });

  it('needs to <= from and a share from above 0 to 100', () => {
    spec
      .given([onboarded])
      .when(cmd('AssignConsultant', { consultantId, ...assignment, from: '2026-03-27', to: '2026-03-02' }))
      .thenThrows(
        IllegalStateError,
        'consultant C-1: assignment AS-1 ends on 2026-03-02, before it starts on 2026-03-27',
      );
    spec
      .given([onboarded])
      .when(assign(0))
      .thenThrows(ValidationError, 'AssignConsultant: allocationPct = 0: must be greater than 0');
  });

  it('needs the consultant first', () => {
    spec
      .given([])
      .when(assign())
      .thenThrows(NotFoundError, 'consultant C-1: not found (ConsultantAssigned needs ConsultantOnboarded first)');
  });
});

describe('LogTime', () => {
  it('logs time', () => {
    spec
      .given([onboarded])
      .when(logTime('E-1', 7.5))
      .then([logged('E-1', 7.5)]);
  });

  it('rejects a repeated entry id', () => {
    spec
      .given([onboarded, logged('E-1', 2)])
      .when(logTime('E-1', 2))
      .thenThrows(IllegalStateError, 'consultant C-1: time entry E-1 already logged');
  });

  it('keeps a day within 24 hours, exactly', () => {
    spec
      .given([onboarded, logged('E-1', 12.1), logged('E-2', 11.7)])
      .when(logTime('E-3', 0.2))
      .then([logged('E-3', 0.2)]);
    spec
      .given([onboarded, logged('E-1', 12.1), logged('E-2', 11.7)])
      .when(logTime('E-3', 0.21))
      .thenThrows(
        IllegalStateError,
        'consultant C-1: TimeLogged 0.21 h on 2026-03-03 makes 24.01 h that day, more than 24',
      );
  });

  it('takes positive hours with at most 2 decimals', () => {
    spec
      .given([onboarded])
      .when(logTime('E-1', 0))
      .thenThrows(ValidationError, 'LogTime: hours = 0: must be greater than 0');
    spec
      .given([onboarded])
      .when(logTime('E-1', 1.005))
      .thenThrows(ValidationError, 'LogTime: hours = 1.005: must have at most 2 decimals');
    spec
      .given([onboarded])
      .when(cmd('LogTime', { consultantId, ...entry('E-1', 1), date: '2026-02-30' }))
      .thenThrows(ValidationError, /date = "2026-02-30": must be a calendar date/);
  });
});

describe('skills and growth goals', () => {
  it('certifies skills, a later level replacing the earlier', () => {
    spec
      .given([onboarded])
      .when(cmd('CertifySkill', { consultantId, skill: 'Kubernetes', level: 3 }))
      .then([{ type: 'SkillCertified', data: { skill: 'Kubernetes', level: 3 } }]);
    const state = foldEvents(consultantDecider, [
      onboarded,
      { type: 'SkillCertified', data: { skill: 'Kubernetes', level: 3 } },
      { type: 'SkillCertified', data: { skill: 'Kubernetes', level: 4 } },
    ]);
    expect(state.status === 'active' && state.skills.get('Kubernetes')).toBe(4);
  });

  it('rates skills 1 to 5', () => {
    spec
      .given([onboarded])
      .when(cmd('CertifySkill', { consultantId, skill: 'Kubernetes', level: 0 }))
      .thenThrows(ValidationError, 'CertifySkill: level = 0: must be from 1 to 5');
  });

  it('sets and achieves a goal', () => {
    spec.given([onboarded]).when(setGoal).then([goalSet]);
    spec.given([onboarded, goalSet]).when(achieveGoal).then([goalAchieved]);
  });

  it('rejects a repeated goal id, an unknown goal and a second achievement', () => {
    spec
      .given([onboarded, goalSet])
      .when(setGoal)
      .thenThrows(IllegalStateError, 'consultant C-1: growth goal G-1 already set');
    spec
      .given([onboarded])
      .when(achieveGoal)
      .thenThrows(
        NotFoundError,
        'consultant C-1 growth goal G-1: not found (GrowthGoalAchieved needs GrowthGoalSet first)',
      );
    spec
      .given([onboarded, goalSet, goalAchieved])
      .when(achieveGoal)
      .thenThrows(IllegalStateError, 'consultant C-1: growth goal G-1 already achieved');
  });
});

describe('OffboardConsultant', () => {
  it('offboards, after which the consultant accepts nothing', () => {
    spec
      .given([onboarded])
      .when(cmd('OffboardConsultant', { consultantId, reason: 'moved to sales' }))
      .then([offboarded]);
    spec
      .given([onboarded, offboarded])
      .when(logTime('E-1', 1))
      .thenThrows(IllegalStateError, 'consultant C-1: TimeLogged after the consultant was offboarded');
    spec
      .given([onboarded, offboarded])
      .when(cmd('OffboardConsultant', { consultantId, reason: 'x' }))
      .thenThrows(IllegalStateError, /ConsultantOffboarded after the consultant was offboarded/);
  });

  it('keeps the record', () => {
    const state = foldEvents(consultantDecider, [onboarded, assigned, goalSet, goalAchieved, released, offboarded]);
    expect(state.status).toBe('offboarded');
    expect(state.status !== 'none' && state.assignments.get('AS-1')?.released).toBe(true);
    expect(state.status !== 'none' && state.goals.get('G-1')?.achieved).toBe(true);
  });
});
