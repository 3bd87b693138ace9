import type { EarlierEvent } from '../earlier-events.js';
import { col, copy, moneyColumns, timeColumns } from '../fact-columns.js';
import { factTable } from '../fact-table.js';

/** What a release copies from the assignment it ends (decision 0016). */
const ASSIGNED: EarlierEvent = {
  type: 'ConsultantAssigned',
  matchOn: 'assignmentId',
  fields: ['allocationPct', 'from', 'to'],
};

/** consultant-<id> (DOMAIN.md): presales consultants, their assignments, time and growth. */
export const CONSULTANT_FACTS = [
  factTable('ConsultantOnboarded', 'consultant_onboarded', [
    col.text('consultant_id', 'consultantId'),
    col.text('name', 'name'),
    col.text('team_id', 'teamId'),
    col.text('level', 'level'),
    col.list('product_lines', 'productLines'),
    col.list('skills', 'skills'),
    col.number('weekly_capacity_hours', 'weeklyCapacityHours'),
    moneyColumns('hourly_cost', 'hourlyCost'),
  ]),
  factTable('ConsultantAssigned', 'consultant_assigned', [
    col.text('assignment_id', 'assignmentId'),
    col.text('opportunity_id', 'opportunityId'),
    col.text('role', 'role'),
    col.number('allocation_pct', 'allocationPct'),
    timeColumns('from_at', 'from'),
    timeColumns('to_at', 'to'),
  ]),
  factTable('ConsultantReleased', 'consultant_released', [
    col.text('assignment_id', 'assignmentId'),
    copy.number(ASSIGNED, 'assignment_allocation_pct', 'allocationPct'),
    copy.epochMs(ASSIGNED, 'assignment_from_ms', 'from', 'from_at'),
    copy.epochMs(ASSIGNED, 'assignment_to_ms', 'to', 'to_at'),
  ]),
  factTable('TimeLogged', 'time_logged', [
    col.text('entry_id', 'entryId'),
    timeColumns('work_date', 'date'),
    col.number('hours', 'hours'),
    col.text('category', 'category'),
    col.text('opportunity_id', 'opportunityId'),
    col.text('activity_id', 'activityId'),
  ]),
  factTable('SkillCertified', 'skill_certified', [col.text('skill', 'skill'), col.number('level', 'level')]),
  factTable('GrowthGoalSet', 'growth_goal_set', [
    col.text('goal_id', 'goalId'),
    col.text('skill', 'skill'),
    col.number('target_level', 'targetLevel'),
    timeColumns('due_at', 'dueAt'),
  ]),
  factTable('GrowthGoalAchieved', 'growth_goal_achieved', [col.text('goal_id', 'goalId')]),
  factTable('ConsultantOffboarded', 'consultant_offboarded', [col.text('reason', 'reason')]),
];
