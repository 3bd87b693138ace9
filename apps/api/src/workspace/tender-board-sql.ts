import { sqlValue } from '@presales/analytics';

const DAY_MS = 86_400_000;

/**
 * The tender board's facts, one small query each (DESIGN.md decision 8: no joins the two engines
 * read differently, every value inlined through sqlValue); tender-board.ts puts them together.
 */
export function tenderBoardQueries(nowMs: number) {
  const since = nowMs - 30 * DAY_MS;
  const tenders = `SELECT entity_id FROM tender_received FINAL WHERE deadline_ms >= ${since}`;
  const ofTenders = `entity_id IN (${tenders})`;
  return {
    tenders: `SELECT entity_id AS tender_id, opportunity_id, issuer, kind, deadline_ms
  FROM tender_received FINAL
  WHERE deadline_ms >= ${since}
  ORDER BY deadline_ms, tender_id
  LIMIT 500`,
    decisions: `SELECT entity_id AS tender_id, decision FROM bid_decision_made FINAL WHERE ${ofTenders}`,
    sections: `SELECT entity_id AS tender_id, count() AS n FROM response_section_assigned FINAL WHERE ${ofTenders} GROUP BY tender_id`,
    drafted: `SELECT entity_id AS tender_id, uniqExact(section_id) AS n FROM response_section_drafted FINAL WHERE ${ofTenders} GROUP BY tender_id`,
    reviews: `SELECT entity_id AS tender_id, count() AS n FROM review_held FINAL WHERE ${ofTenders} GROUP BY tender_id`,
    submitted: `SELECT entity_id AS tender_id FROM bid_submitted FINAL WHERE ${ofTenders}`,
    withdrawn: `SELECT entity_id AS tender_id FROM bid_withdrawn FINAL WHERE ${ofTenders}`,
    outcomes: `SELECT entity_id AS tender_id, outcome FROM bid_outcome_recorded FINAL WHERE ${ofTenders}`,
    warRooms: `SELECT entity_id AS war_room_id, tender_id, commander_id, member_ids, allocation_pct
  FROM war_room_opened FINAL
  WHERE tender_id IN (${tenders}) AND entity_id NOT IN (SELECT entity_id FROM war_room_closed FINAL)`,
    memberChanges: `SELECT entity_id AS war_room_id, consultant_id, 'joined' AS change, occurred_at_ms, position FROM war_room_member_joined FINAL
  UNION ALL
  SELECT entity_id AS war_room_id, consultant_id, 'left' AS change, occurred_at_ms, position FROM war_room_member_left FINAL`,
    consultants: `SELECT entity_id AS consultant_id, name, team_id, weekly_capacity_hours FROM consultant_onboarded FINAL`,
    offboarded: `SELECT entity_id AS consultant_id FROM consultant_offboarded FINAL`,
    assignees: `SELECT entity_id AS tender_id, assignee_id, count() AS n FROM response_section_assigned FINAL WHERE ${ofTenders} GROUP BY tender_id, assignee_id`,
    hours: `SELECT entity_id AS consultant_id, sum(hours) AS hours
  FROM time_logged FINAL
  WHERE work_date_ms >= ${nowMs - 7 * DAY_MS} AND work_date_ms <= ${nowMs}
  GROUP BY consultant_id`,
  } as const;
}

/** The consultant's hours per opportunity, category and day of the week starting `mondayMs` (UTC). */
export function timeSheetSql(consultantId: string, mondayMs: number): string {
  return `SELECT opportunity_id, category, toString(toDate(work_date)) AS day, sum(hours) AS hours
  FROM time_logged FINAL
  WHERE entity_id = ${sqlValue(consultantId)} AND work_date_ms >= ${mondayMs} AND work_date_ms < ${mondayMs + 7 * DAY_MS}
  GROUP BY opportunity_id, category, day
  ORDER BY opportunity_id, category, day`;
}
