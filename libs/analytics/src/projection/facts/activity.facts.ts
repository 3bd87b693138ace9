import type { EarlierEvent } from '../earlier-events.js';
import { col, copy, timeColumns } from '../fact-columns.js';
import { factTable } from '../fact-table.js';

/** What a completion copies from its activity's ActivityScheduled (decision 0016). */
const SCHEDULED: EarlierEvent = { type: 'ActivityScheduled', fields: ['opportunityId', 'kind', 'consultantIds'] };

/** activity-<id> (DOMAIN.md): customer-facing presales activities (售前沟通). */
export const ACTIVITY_FACTS = [
  factTable('ActivityScheduled', 'activity_scheduled', [
    col.text('activity_id', 'activityId'),
    col.text('opportunity_id', 'opportunityId'),
    col.text('kind', 'kind'),
    col.list('consultant_ids', 'consultantIds'),
    timeColumns('scheduled_for', 'scheduledFor'),
    col.number('planned_hours', 'plannedHours'),
  ]),
  factTable('ActivityCompleted', 'activity_completed', [
    col.number('actual_hours', 'actualHours'),
    col.text('outcome', 'outcome'),
    col.optionalNumber('customer_satisfaction', 'customerSatisfaction'),
    col.optionalNumber('poc_criteria_met', 'pocCriteriaMet'),
    col.optionalNumber('poc_criteria_total', 'pocCriteriaTotal'),
    col.list('used_asset_ids', 'usedAssetIds'),
    copy.text(SCHEDULED, 'opportunity_id', 'opportunityId'),
    copy.text(SCHEDULED, 'activity_kind', 'kind'),
    // Who took part, so the record on similar work reads the completions alone (decision 0048).
    copy.list(SCHEDULED, 'consultant_ids', 'consultantIds'),
  ]),
  factTable('ActivityCancelled', 'activity_cancelled', [col.text('reason', 'reason')]),
];
