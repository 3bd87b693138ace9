/**
 * Issue 21's breadth question, the kind a columnar engine is for: one analyst aggregate over the
 * whole history — win rate by industry × region × quarter — in each engine's dialect, over the
 * same fact rows (chDB reads them deduplicated, FINAL, as analysts are told to; SQLite's copy has
 * each row once). Both answer the same groups; the suite checks that before timing.
 */
export const WIN_RATE_BY_INDUSTRY_REGION_QUARTER = {
  chdb: `SELECT r.industry AS industry, r.region AS region,
  toStartOfQuarter(toDateTime(intDiv(c.closed_ms, 1000), 'UTC')) AS quarter,
  sum(c.won) / count() AS win_rate, count() AS closed
FROM (SELECT entity_id, occurred_at_ms AS closed_ms, toUInt8(1) AS won FROM opportunity_won FINAL
  UNION ALL SELECT entity_id, occurred_at_ms AS closed_ms, toUInt8(0) AS won FROM opportunity_lost FINAL) AS c
ANY INNER JOIN (SELECT entity_id, industry, region FROM opportunity_registered FINAL) AS r USING entity_id
GROUP BY industry, region, quarter ORDER BY industry, region, quarter`,
  sqlite: `SELECT r.industry AS industry, r.region AS region,
  strftime('%Y', c.closed_ms / 1000, 'unixepoch') || '-Q' || ((CAST(strftime('%m', c.closed_ms / 1000, 'unixepoch') AS INTEGER) + 2) / 3) AS quarter,
  CAST(SUM(c.won) AS REAL) / COUNT(*) AS win_rate, COUNT(*) AS closed
FROM (SELECT entity_id, occurred_at_ms AS closed_ms, 1 AS won FROM opportunity_won
  UNION ALL SELECT entity_id, occurred_at_ms AS closed_ms, 0 AS won FROM opportunity_lost) AS c
JOIN opportunity_registered AS r ON r.entity_id = c.entity_id
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
} as const;

/**
 * The same kind of question over the largest fact table (a time entry per consultant, day and
 * opportunity): hours logged by category and month over the whole history.
 */
export const HOURS_BY_CATEGORY_MONTH = {
  chdb: `SELECT category, toStartOfMonth(work_date) AS month, sum(hours) AS hours, count() AS entries
FROM time_logged FINAL GROUP BY category, month ORDER BY category, month`,
  sqlite: `SELECT category, substr(work_date, 1, 7) AS month, SUM(CAST(hours AS REAL)) AS hours, COUNT(*) AS entries
FROM time_logged GROUP BY 1, 2 ORDER BY 1, 2`,
} as const;

/** The groups and closed deals an answer counts: equal in both engines, or the comparison is void. */
export function answerShape(
  rows: readonly Record<string, unknown>[],
  counted: string,
): { groups: number; counted: number } {
  return { groups: rows.length, counted: rows.reduce((sum, row) => sum + Number(row[counted]), 0) };
}
