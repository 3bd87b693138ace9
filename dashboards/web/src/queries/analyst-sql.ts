import { parsePeriod, periodBounds } from '@presales/kpi';

/**
 * The SQL of the views the API has no endpoint for (capacity, pipeline, the scope lists), sent to
 * `POST /api/sql`: one statement per chart. Every table is read FINAL (deduplicated) and only
 * rows recorded at or before asOf count, so a past asOf shows the record as it stood then.
 */
export interface SqlWindow {
  readonly fromMs: number;
  readonly toMs: number;
  /** Rows recorded after this moment are left out. */
  readonly asOfMs: number;
}

export function sqlWindow(period: string, asOf: string | null, now: Date): SqlWindow {
  const { start, end } = periodBounds(parsePeriod(period));
  return { fromMs: start.getTime(), toMs: end.getTime(), asOfMs: asOf === null ? now.getTime() : Date.parse(asOf) };
}

/** A string literal for ClickHouse: ids come from the URL, so they are quoted, never pasted. */
export function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const asOfFilter = (alias: string, w: SqlWindow) => `${alias}.recorded_at_ms <= ${w.asOfMs}`;

/** Teams, consultants and product lines on the record: the scope pickers' lists. */
export function scopeListSql(asOfMs: number): string {
  return `SELECT 'team' AS kind, team_id AS id, name FROM team_formed AS t FINAL WHERE t.recorded_at_ms <= ${asOfMs}
UNION ALL SELECT 'consultant' AS kind, consultant_id AS id, name FROM consultant_onboarded AS c FINAL WHERE c.recorded_at_ms <= ${asOfMs}
UNION ALL SELECT 'product_line' AS kind, pl AS id, pl AS name FROM (SELECT DISTINCT arrayJoin(product_lines) AS pl FROM opportunity_registered AS o FINAL WHERE o.recorded_at_ms <= ${asOfMs}) AS lines
ORDER BY kind, name`;
}

/** The consultants a scope covers, as a condition on consultant_onboarded `c`. */
function consultantScope(scope: string): string {
  const [kind, id] = scope.split(':') as [string, string | undefined];
  if (id === undefined) return '1';
  if (kind === 'team') return `c.team_id = ${literal(id)}`;
  if (kind === 'consultant') return `c.consultant_id = ${literal(id)}`;
  if (kind === 'product_line') return `has(c.product_lines, ${literal(id)})`;
  return '1';
}

/**
 * Hours logged per consultant and ISO week against weekly capacity, and whether the consultant
 * sat in an open war room that week (opened with them as commander or member, or joined since;
 * not closed before the week began). A left join's unmatched row has an empty consultant, hence
 * the `r.consultant != ''`.
 */
export function capacitySql(scope: string, w: SqlWindow): string {
  return `SELECT h.consultant AS consultant, h.name AS name, h.week AS week, h.hours AS hours, h.capacity AS capacity,
  max(toUInt8(r.consultant != '' AND r.opened_ms < h.week_ms + 604800000 AND (r.closed_ms = 0 OR r.closed_ms > h.week_ms))) AS war_room
FROM (
  SELECT c.consultant_id AS consultant, c.name AS name, toString(toMonday(t.work_date)) AS week, toUnixTimestamp(toMonday(t.work_date)) * 1000 AS week_ms,
    round(sum(t.hours), 2) AS hours, any(c.weekly_capacity_hours) AS capacity
  FROM time_logged AS t FINAL
  INNER JOIN (SELECT consultant_id, name, team_id, product_lines, weekly_capacity_hours FROM consultant_onboarded AS c FINAL WHERE ${asOfFilter('c', w)}) AS c ON c.consultant_id = t.entity_id
  WHERE t.work_date_ms >= ${w.fromMs} AND t.work_date_ms < ${w.toMs} AND ${asOfFilter('t', w)} AND ${consultantScope(scope)}
  GROUP BY consultant, name, week, week_ms
) AS h
LEFT JOIN (
  SELECT arrayJoin(arrayConcat(o.member_ids, [o.commander_id], ifNull(joined.ids, []))) AS consultant, o.occurred_at_ms AS opened_ms, ifNull(cl.closed_ms, 0) AS closed_ms
  FROM war_room_opened AS o FINAL
  LEFT JOIN (SELECT entity_id, groupArray(consultant_id) AS ids FROM war_room_member_joined AS j FINAL WHERE ${asOfFilter('j', w)} GROUP BY entity_id) AS joined ON joined.entity_id = o.entity_id
  LEFT JOIN (SELECT entity_id, min(occurred_at_ms) AS closed_ms FROM war_room_closed AS x FINAL WHERE ${asOfFilter('x', w)} GROUP BY entity_id) AS cl ON cl.entity_id = o.entity_id
  WHERE ${asOfFilter('o', w)}
) AS r ON r.consultant = h.consultant
GROUP BY consultant, name, week, hours, capacity
ORDER BY name, week`;
}

/** Opportunities that entered each stage in the period, and those won in it: the funnel. */
export function funnelSql(scope: string, w: SqlWindow): string {
  const lines = opportunityScope(scope);
  return `SELECT s.to_stage AS stage, uniqExact(s.entity_id) AS opportunities FROM opportunity_stage_changed AS s FINAL
WHERE s.occurred_at_ms >= ${w.fromMs} AND s.occurred_at_ms < ${w.toMs} AND ${asOfFilter('s', w)} AND ${lines('s.entity_id')}
GROUP BY stage
UNION ALL SELECT 'lead' AS stage, uniqExact(o.entity_id) AS opportunities FROM opportunity_registered AS o FINAL
WHERE o.occurred_at_ms >= ${w.fromMs} AND o.occurred_at_ms < ${w.toMs} AND ${asOfFilter('o', w)} AND ${lines('o.entity_id')}
UNION ALL SELECT 'won' AS stage, uniqExact(x.entity_id) AS opportunities FROM opportunity_won AS x FINAL
WHERE x.occurred_at_ms >= ${w.fromMs} AND x.occurred_at_ms < ${w.toMs} AND ${asOfFilter('x', w)} AND ${lines('x.entity_id')}`;
}

/** Opportunities closed in the period: won, lost by reason, qualified out. */
export function outcomesSql(scope: string, w: SqlWindow): string {
  const lines = opportunityScope(scope);
  const closed = (table: string, alias: string) =>
    `FROM ${table} AS ${alias} FINAL WHERE ${alias}.occurred_at_ms >= ${w.fromMs} AND ${alias}.occurred_at_ms < ${w.toMs} AND ${asOfFilter(alias, w)} AND ${lines(`${alias}.entity_id`)}`;
  return `SELECT 'won' AS outcome, '' AS reason, count() AS opportunities ${closed('opportunity_won', 'w')}
UNION ALL SELECT 'lost' AS outcome, l.reason AS reason, count() AS opportunities ${closed('opportunity_lost', 'l')} GROUP BY reason
UNION ALL SELECT 'qualified_out' AS outcome, '' AS reason, count() AS opportunities ${closed('opportunity_qualified_out', 'q')}`;
}

/** Product gaps still open at asOf, per product line and severity. */
export function productGapsSql(scope: string, w: SqlWindow): string {
  const [kind, id] = scope.split(':') as [string, string | undefined];
  const line = kind === 'product_line' && id !== undefined ? `g.product_line = ${literal(id)}` : '1';
  return `SELECT g.product_line AS product_line, g.severity AS severity, count() AS gaps FROM product_gap_identified AS g FINAL
WHERE ${asOfFilter('g', w)} AND ${line}
  AND g.gap_id NOT IN (SELECT entity_id FROM product_gap_closed AS c FINAL WHERE ${asOfFilter('c', w)})
GROUP BY product_line, severity ORDER BY product_line, severity`;
}

/** Tenders whose deadline falls in the period, per day, with their ids and whether each was submitted. */
export function bidCalendarSql(scope: string, w: SqlWindow): string {
  const lines = opportunityScope(scope);
  return `SELECT toString(toDate(t.deadline)) AS day, count() AS tenders, groupArray(t.tender_id) AS tender_ids,
  countIf(t.tender_id IN (SELECT entity_id FROM bid_submitted AS b FINAL WHERE ${asOfFilter('b', w)})) AS submitted
FROM tender_received AS t FINAL
WHERE t.deadline_ms >= ${w.fromMs} AND t.deadline_ms < ${w.toMs} AND ${asOfFilter('t', w)} AND ${lines('t.opportunity_id')}
GROUP BY day ORDER BY day`;
}

/**
 * The opportunities a scope covers, as a condition on an opportunity id column. Only a product
 * line narrows the pipeline: opportunities belong to product lines, not to teams or consultants.
 */
function opportunityScope(scope: string): (column: string) => string {
  const [kind, id] = scope.split(':') as [string, string | undefined];
  if (kind !== 'product_line' || id === undefined) return () => '1';
  return (column) =>
    `${column} IN (SELECT entity_id FROM opportunity_registered AS r FINAL WHERE has(r.product_lines, ${literal(id)}))`;
}

/** Whether a scope narrows the pipeline's charts (see opportunityScope). */
export function pipelineHonoursScope(scope: string): boolean {
  return scope === 'org' || scope.startsWith('product_line:');
}
