import { Decimal } from '../money/decimal.js';
import { IllegalStateError, NotFoundError } from '../shared/errors.js';
import { assertNever } from '../shared/message.js';
import { checkAddressee, checkCreation, notCreated } from '../shared/rules.js';
import { compareDates } from '../shared/time.js';
import { HOURS_PER_DAY, type ConsultantEvent } from './consultant.events.js';
import type { ConsultantState } from './consultant.state.js';

const DAY = Decimal.fromInteger(HOURS_PER_DAY);

/**
 * Ids of assignments, time entries and goals are unique; an assignment ends on or after the day it
 * starts; only a known, unreleased assignment is
 * released; only a known, open goal is achieved; a day holds at most 24 logged hours; an offboarded
 * consultant accepts nothing. Allocation above 100 % is accepted: overload is what the
 * overload_share KPI measures, so refusing it would hide it.
 */
export function checkConsultantEvent(state: ConsultantState, event: ConsultantEvent, consultantId: string): void {
  const subject = `consultant ${consultantId}`;
  const reject = (rule: string, fields: readonly string[] = []) => new IllegalStateError(subject, rule, fields);
  if (event.type === 'ConsultantOnboarded') {
    return checkCreation('consultant', consultantId, state.status !== 'none', event.type, event.data.consultantId);
  }
  if (state.status === 'none') throw notCreated(subject, event.type, 'ConsultantOnboarded');
  checkAddressee(
    `consultant ${state.consultant.consultantId}`,
    state.consultant.consultantId,
    consultantId,
    event.type,
  );
  if (state.status === 'offboarded') throw reject(`${event.type} after the consultant was offboarded`);
  switch (event.type) {
    case 'ConsultantAssigned':
      if (state.assignments.has(event.data.assignmentId))
        throw reject(`assignment ${event.data.assignmentId} already recorded`, ['assignmentId']);
      if (compareDates(event.data.from, event.data.to) > 0)
        throw reject(
          `assignment ${event.data.assignmentId} ends on ${event.data.to}, before it starts on ${event.data.from}`,
          ['to'],
        );
      return;
    case 'ConsultantReleased': {
      const assignment = state.assignments.get(event.data.assignmentId);
      if (assignment === undefined) {
        throw new NotFoundError(
          `${subject} assignment ${event.data.assignmentId}`,
          'ConsultantReleased needs ConsultantAssigned first',
        );
      }
      if (assignment.released) throw reject(`assignment ${event.data.assignmentId} already released`);
      return;
    }
    case 'TimeLogged': {
      if (state.timeEntryIds.has(event.data.entryId))
        throw reject(`time entry ${event.data.entryId} already logged`, ['entryId']);
      const day = (state.hoursByDate.get(event.data.date) ?? Decimal.ZERO).plus(Decimal.fromNumber(event.data.hours));
      if (day.compare(DAY) > 0)
        throw reject(
          `TimeLogged ${event.data.hours} h on ${event.data.date} makes ${day.toString()} h that day, more than ${HOURS_PER_DAY}`,
          ['hours'],
        );
      return;
    }
    case 'SkillCertified':
      return;
    case 'GrowthGoalSet':
      if (state.goals.has(event.data.goalId)) throw reject(`growth goal ${event.data.goalId} already set`, ['goalId']);
      return;
    case 'GrowthGoalAchieved': {
      const goal = state.goals.get(event.data.goalId);
      if (goal === undefined)
        throw new NotFoundError(
          `${subject} growth goal ${event.data.goalId}`,
          'GrowthGoalAchieved needs GrowthGoalSet first',
        );
      if (goal.achieved) throw reject(`growth goal ${event.data.goalId} already achieved`);
      return;
    }
    case 'ConsultantOffboarded':
      return;
    default:
      assertNever(event, 'consultant event');
  }
}
