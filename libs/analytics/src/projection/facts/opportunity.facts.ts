import type { EarlierEvent } from '../earlier-events.js';
import { col, copy, moneyColumns, timeColumns } from '../fact-columns.js';
import { factTable } from '../fact-table.js';

/** What a loss copies from the opportunity's registration (decision 0016). */
const REGISTERED: EarlierEvent = { type: 'OpportunityRegistered', fields: ['estimatedValue'] };
/** What an acknowledgement copies from the support request it answers (decision 0016). */
const REQUESTED: EarlierEvent = {
  type: 'PresalesSupportRequested',
  matchOn: 'requestId',
  fields: ['kind', 'productLine'],
};

/** opportunity-<id> (DOMAIN.md): deals, support requests, requirements, technical and commercial outcomes. */
export const OPPORTUNITY_FACTS = [
  factTable('OpportunityRegistered', 'opportunity_registered', [
    col.text('opportunity_id', 'opportunityId'),
    col.text('name', 'name'),
    col.text('customer', 'customer'),
    col.text('industry', 'industry'),
    col.text('region', 'region'),
    col.list('product_lines', 'productLines'),
    col.text('project_type', 'projectType'),
    moneyColumns('estimated_value', 'estimatedValue'),
    col.text('sales_owner_id', 'salesOwnerId'),
  ]),
  factTable('OpportunityStageChanged', 'opportunity_stage_changed', [
    col.text('from_stage', 'from'),
    col.text('to_stage', 'to'),
  ]),
  factTable('PresalesSupportRequested', 'presales_support_requested', [
    col.text('request_id', 'requestId'),
    col.text('requested_by', 'requestedBy'),
    col.text('kind', 'kind'),
    col.text('product_line', 'productLine'),
    timeColumns('due_at', 'dueAt'),
  ]),
  factTable('PresalesSupportAcknowledged', 'presales_support_acknowledged', [
    col.text('request_id', 'requestId'),
    col.text('consultant_id', 'consultantId'),
    copy.occurredAtMs(REQUESTED, 'requested_at_ms'),
    copy.text(REQUESTED, 'request_kind', 'kind'),
    copy.text(REQUESTED, 'request_product_line', 'productLine'),
  ]),
  factTable('RequirementCaptured', 'requirement_captured', [
    col.text('requirement_id', 'requirementId'),
    col.text('title', 'title'),
    col.text('category', 'category'),
    col.text('priority', 'priority'),
    col.text('source', 'source'),
  ]),
  factTable('RequirementFitAssessed', 'requirement_fit_assessed', [
    col.text('requirement_id', 'requirementId'),
    col.text('fit', 'fit'),
    col.text('product_line', 'productLine'),
    col.text('gap_id', 'gapId'),
    col.optionalNumber('effort_days', 'effortDays'),
  ]),
  factTable('TechnicalDecisionRecorded', 'technical_decision_recorded', [
    col.text('outcome', 'outcome'),
    col.text('reason', 'reason'),
  ]),
  factTable('OpportunityWon', 'opportunity_won', [moneyColumns('amount', 'amount')]),
  factTable('OpportunityLost', 'opportunity_lost', [
    col.text('reason', 'reason'),
    col.text('competitor', 'competitor'),
    col.list('product_gap_ids', 'productGapIds'),
    copy.decimal(REGISTERED, 'estimated_value', 'estimatedValue.amount'),
    copy.text(REGISTERED, 'estimated_value_currency', 'estimatedValue.currency'),
  ]),
  factTable('OpportunityQualifiedOut', 'opportunity_qualified_out', [col.text('reason', 'reason')]),
];
