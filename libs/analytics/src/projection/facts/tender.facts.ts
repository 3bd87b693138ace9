import type { EarlierEvent } from '../earlier-events.js';
import { col, copy, moneyColumns, timeColumns } from '../fact-columns.js';
import { factTable } from '../fact-table.js';

/** What a submission copies from its tender's TenderReceived (decision 0016). */
const RECEIVED: EarlierEvent = { type: 'TenderReceived', fields: ['deadline'] };

/** tender-<id> (DOMAIN.md): RFI/RFP/RFQ/tenders and our response (招投标). */
export const TENDER_FACTS = [
  factTable('TenderReceived', 'tender_received', [
    col.text('tender_id', 'tenderId'),
    col.text('opportunity_id', 'opportunityId'),
    col.text('kind', 'kind'),
    col.text('issuer', 'issuer'),
    timeColumns('deadline', 'deadline'),
  ]),
  factTable('BidDecisionMade', 'bid_decision_made', [
    col.text('decision', 'decision'),
    col.text('rationale', 'rationale'),
    col.number('score', 'score'),
  ]),
  factTable('ResponseSectionAssigned', 'response_section_assigned', [
    col.text('section_id', 'sectionId'),
    col.text('title', 'title'),
    col.text('assignee_id', 'assigneeId'),
    timeColumns('due_at', 'dueAt'),
  ]),
  factTable('ResponseSectionDrafted', 'response_section_drafted', [
    col.text('section_id', 'sectionId'),
    col.text('author_id', 'authorId'),
    col.list('reused_asset_ids', 'reusedAssetIds'),
  ]),
  factTable('ReviewHeld', 'review_held', [
    col.text('review_id', 'reviewId'),
    col.text('stage', 'stage'),
    col.list('reviewer_ids', 'reviewerIds'),
    col.text('outcome', 'outcome'),
    col.text('checklist_version', 'checklistVersion'),
    col.text('findings', 'findings'),
  ]),
  factTable('BidSubmitted', 'bid_submitted', [
    col.text('document_sha256', 'documentSha256'),
    col.text('channel', 'channel'),
    col.text('receipt_ref', 'receiptRef'),
    copy.epochMs(RECEIVED, 'tender_deadline_ms', 'deadline'),
    copy.occurredAtMs(RECEIVED, 'tender_received_at_ms'),
  ]),
  factTable('BidClarificationRequested', 'bid_clarification_requested', [
    col.text('question_id', 'questionId'),
    col.text('question', 'question'),
    timeColumns('due_at', 'dueAt'),
  ]),
  factTable('BidClarificationAnswered', 'bid_clarification_answered', [col.text('question_id', 'questionId')]),
  factTable('BidWithdrawn', 'bid_withdrawn', [col.text('reason', 'reason')]),
  factTable('BidOutcomeRecorded', 'bid_outcome_recorded', [
    col.text('outcome', 'outcome'),
    col.text('awarded_to', 'awardedTo'),
    moneyColumns('awarded_amount', 'awardedAmount', true),
  ]),
];
