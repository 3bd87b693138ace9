import { col, timeColumns } from '../fact-columns.js';
import { factTable } from '../fact-table.js';

/** kpi-<kpiId> and action-<id> (DOMAIN.md): KPI definitions, targets and corrective actions. */
export const PDCA_FACTS = [
  factTable('KpiDefinitionPublished', 'kpi_definition_published', [
    col.text('kpi_id', 'kpiId'),
    col.number('definition_version', 'version'),
    col.json('definition', 'definition'),
  ]),
  factTable('KpiTargetSet', 'kpi_target_set', [
    col.text('period', 'period'),
    col.text('scope_kind', 'scope.kind'),
    col.text('scope_id', 'scope.id'),
    col.number('target', 'target'),
  ]),
  factTable('CorrectiveActionRaised', 'corrective_action_raised', [
    col.text('action_id', 'actionId'),
    col.text('kpi_id', 'kpiId'),
    col.text('period', 'period'),
    col.text('scope_kind', 'scope.kind'),
    col.text('scope_id', 'scope.id'),
    col.text('root_cause', 'rootCause'),
    col.text('action', 'action'),
    col.text('owner_id', 'ownerId'),
    timeColumns('due_at', 'dueAt'),
  ]),
  factTable('CorrectiveActionCompleted', 'corrective_action_completed', [
    col.text('action_id', 'actionId'),
    col.text('result', 'result'),
  ]),
  factTable('CorrectiveActionVerified', 'corrective_action_verified', [
    col.text('action_id', 'actionId'),
    col.flag('effective', 'effective'),
    col.number('measured_delta', 'measuredDelta'),
  ]),
];
