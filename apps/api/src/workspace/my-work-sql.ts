import { sqlValue } from '@presales/analytics';
import type { MyWorkKind } from '@presales/contracts';
import type { UserRole } from '../auth/roles.js';

/** The columns every inbox query answers; due_ms 0 is "no due time". */
export interface MyWorkRow {
  readonly stream_id: string;
  readonly item_id: string;
  readonly opportunity_id: string;
  readonly detail: string;
  readonly due_ms: number | string;
}

export interface MyWorkQuery {
  readonly kind: MyWorkKind;
  readonly command: string;
  /** The field the form fills from the row's item_id. */
  readonly itemField: string | undefined;
  readonly sql: string;
}

/** Tenders still open: not submitted, withdrawn or decided. */
const OPEN_TENDERS = `entity_id NOT IN (SELECT entity_id FROM bid_submitted FINAL)
    AND entity_id NOT IN (SELECT entity_id FROM bid_withdrawn FINAL)
    AND entity_id NOT IN (SELECT entity_id FROM bid_outcome_recorded FINAL)`;

/**
 * What waits for `personId`, one query per kind, each read from the fact tables (the person's
 * own items: sections assigned to them, activities they are in; the presales queue of support
 * requests; the approvals a manager holds). Common dialect: FINAL, tuple NOT IN, has().
 */
export function myWorkQueries(personId: string, role: UserRole): MyWorkQuery[] {
  const me = sqlValue(personId);
  const queries: MyWorkQuery[] = [];
  const supportScope = role === 'sales' ? `AND requested_by = ${me}` : '';
  if (role !== 'analyst' && role !== 'auditor') {
    queries.push({
      kind: 'support_request',
      command: 'AcknowledgePresalesSupport',
      itemField: 'requestId',
      sql: `SELECT concat('opportunity-', entity_id) AS stream_id, request_id AS item_id, entity_id AS opportunity_id, kind AS detail, due_at_ms AS due_ms
  FROM presales_support_requested FINAL
  WHERE (entity_id, request_id) NOT IN (SELECT entity_id, request_id FROM presales_support_acknowledged FINAL) ${supportScope}`,
    });
  }
  queries.push(
    {
      kind: 'section_due',
      command: 'DraftResponseSection',
      itemField: 'sectionId',
      sql: `SELECT concat('tender-', entity_id) AS stream_id, section_id AS item_id, '' AS opportunity_id, title AS detail, due_at_ms AS due_ms
  FROM response_section_assigned FINAL
  WHERE assignee_id = ${me}
    AND (entity_id, section_id) NOT IN (SELECT entity_id, section_id FROM response_section_drafted FINAL)
    AND ${OPEN_TENDERS}`,
    },
    {
      kind: 'clarification_due',
      command: 'AnswerBidClarification',
      itemField: 'questionId',
      sql: `SELECT concat('tender-', entity_id) AS stream_id, question_id AS item_id, '' AS opportunity_id, question AS detail, due_at_ms AS due_ms
  FROM bid_clarification_requested FINAL
  WHERE (entity_id, question_id) NOT IN (SELECT entity_id, question_id FROM bid_clarification_answered FINAL)
    AND entity_id IN (SELECT entity_id FROM response_section_assigned FINAL WHERE assignee_id = ${me})
    AND ${OPEN_TENDERS}`,
    },
    {
      kind: 'review_due',
      command: 'HoldReview',
      itemField: undefined,
      sql: `SELECT concat('tender-', entity_id) AS stream_id, entity_id AS item_id, opportunity_id, issuer AS detail, deadline_ms AS due_ms
  FROM tender_received FINAL
  WHERE entity_id IN (SELECT entity_id FROM response_section_drafted FINAL WHERE author_id = ${me})
    AND entity_id NOT IN (SELECT entity_id FROM review_held FINAL)
    AND ${OPEN_TENDERS}`,
    },
    {
      kind: 'activity_scheduled',
      command: 'CompleteActivity',
      itemField: undefined,
      sql: `SELECT concat('activity-', entity_id) AS stream_id, entity_id AS item_id, opportunity_id, kind AS detail, scheduled_for_ms AS due_ms
  FROM activity_scheduled FINAL
  WHERE has(consultant_ids, ${me})
    AND entity_id NOT IN (SELECT entity_id FROM activity_completed FINAL)
    AND entity_id NOT IN (SELECT entity_id FROM activity_cancelled FINAL)`,
    },
  );
  if (role === 'manager' || role === 'admin') {
    queries.push({
      kind: 'quote_approval',
      command: 'ApproveQuote',
      itemField: 'revision',
      sql: `SELECT concat('quote-', entity_id) AS stream_id, toString(revision) AS item_id, '' AS opportunity_id, toString(margin_pct) AS detail, toUInt64(0) AS due_ms
  FROM quote_approval_requested FINAL
  WHERE (entity_id, revision) NOT IN (SELECT entity_id, revision FROM quote_approved FINAL)
    AND (entity_id, revision) NOT IN (SELECT entity_id, revision FROM quote_approval_rejected FINAL)`,
    });
  }
  return queries;
}

/** The person's hours per day of the ISO week starting `mondayMs` (UTC). */
export function weekHoursSql(personId: string, mondayMs: number): string {
  return `SELECT toString(toDate(work_date)) AS day, sum(hours) AS hours
  FROM time_logged FINAL
  WHERE entity_id = ${sqlValue(personId)} AND work_date_ms >= ${mondayMs} AND work_date_ms < ${mondayMs + 7 * 86_400_000}
  GROUP BY day
  ORDER BY day`;
}
