import type { AnalyticsStore } from '../analytics-store.port.js';
import { sqlValue } from '../sql/escape.js';
import type { PastOutcomes } from '../staffing/staffing-facts.js';

/**
 * The record on similar work as read before decision 0048: the activities' participants joined
 * from their scheduling instead of copied onto the completion. The reference the copy is checked
 * against (the contract suite on both engines) and measured against (the library benchmark suite).
 */
export async function pastOutcomesBefore0048(
  store: AnalyticsStore,
  productLine: string,
  workKind: string,
): Promise<Map<string, PastOutcomes>> {
  const line = sqlValue(productLine);
  const kind = sqlValue(workKind);
  const rows = await store.query<{ c: string; won: number; lost: number; positive: number; negative: number }>(
    `SELECT c, sum(w) AS won, sum(l) AS lost, sum(p) AS positive, sum(n) AS negative FROM (
  SELECT c, toUInt64(o IN (SELECT entity_id FROM opportunity_won FINAL)) AS w, toUInt64(o IN (SELECT entity_id FROM opportunity_lost FINAL)) AS l, materialize(toUInt64(0)) AS p, materialize(toUInt64(0)) AS n
  FROM (SELECT DISTINCT entity_id AS c, opportunity_id AS o FROM consultant_assigned FINAL
        WHERE opportunity_id IN (SELECT entity_id FROM opportunity_registered FINAL WHERE has(product_lines, ${line}))) AS served
  UNION ALL
  SELECT arrayJoin(consultant_ids) AS c, materialize(toUInt64(0)) AS w, materialize(toUInt64(0)) AS l, toUInt64(outcome = 'positive') AS p, toUInt64(outcome = 'negative') AS n
  FROM (SELECT entity_id, outcome FROM activity_completed FINAL WHERE activity_kind = ${kind}) AS done
  ANY INNER JOIN (SELECT entity_id, consultant_ids FROM activity_scheduled FINAL WHERE kind = ${kind}) AS planned USING entity_id
) AS record
GROUP BY c`,
  );
  return new Map(
    rows.map((r) => [
      r.c,
      { won: Number(r.won), lost: Number(r.lost), positive: Number(r.positive), negative: Number(r.negative) },
    ]),
  );
}
