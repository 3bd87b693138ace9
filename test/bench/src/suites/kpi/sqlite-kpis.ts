import type Database from 'better-sqlite3';
import type { AnalyticsRow } from '@presales/analytics';
import { SqlDecimal } from '@presales/analytics';

/**
 * The row-store alternative a user would pick: the same fact tables in SQLite, indexed by
 * entity and business time, and the KPIs that translate one to one (ratios and means without
 * ClickHouse-only functions), written in SQLite's dialect.
 */
export const SQLITE_KPIS: Readonly<Record<string, (from: number, to: number, asOf: number) => string>> = {
  win_rate: (f, t, a) => `SELECT CAST(SUM(outcome = 'won') AS REAL) / NULLIF(COUNT(*), 0) AS value FROM (
    SELECT entity_id, occurred_at_ms AS closed_ms, 'won' AS outcome FROM opportunity_won WHERE recorded_at_ms <= ${a}
    UNION ALL SELECT entity_id, occurred_at_ms, 'lost' FROM opportunity_lost WHERE recorded_at_ms <= ${a}) WHERE closed_ms >= ${f} AND closed_ms < ${t}`,
  technical_win_rate: (f, t, a) =>
    `SELECT CAST(SUM(outcome = 'technical_win') AS REAL) / NULLIF(COUNT(*), 0) AS value FROM technical_decision_recorded WHERE recorded_at_ms <= ${a} AND occurred_at_ms >= ${f} AND occurred_at_ms < ${t}`,
  hit_rate: (f, t, a) =>
    `SELECT CAST(SUM(outcome = 'awarded') AS REAL) / NULLIF(COUNT(*), 0) AS value FROM bid_outcome_recorded WHERE outcome != 'cancelled' AND recorded_at_ms <= ${a} AND occurred_at_ms >= ${f} AND occurred_at_ms < ${t}`,
  on_time_submission_rate: (f, t, a) =>
    `SELECT CAST(SUM(occurred_at_ms <= tender_deadline_ms) AS REAL) / NULLIF(COUNT(*), 0) AS value FROM bid_submitted WHERE recorded_at_ms <= ${a} AND occurred_at_ms >= ${f} AND occurred_at_ms < ${t}`,
  requirement_fit_rate: (f, t, a) =>
    `SELECT CAST(SUM(fit IN ('standard', 'configurable')) AS REAL) / NULLIF(COUNT(*), 0) AS value FROM requirement_fit_assessed WHERE recorded_at_ms <= ${a} AND occurred_at_ms >= ${f} AND occurred_at_ms < ${t}`,
  knowledge_reuse_rate: (f, t, a) =>
    `SELECT CAST(SUM(json_array_length(reused_asset_ids) > 0) AS REAL) / NULLIF(COUNT(*), 0) AS value FROM response_section_drafted WHERE recorded_at_ms <= ${a} AND occurred_at_ms >= ${f} AND occurred_at_ms < ${t}`,
  quote_margin: (f, t, a) =>
    `SELECT AVG(CAST(margin_pct AS REAL)) AS value FROM quote_approved WHERE recorded_at_ms <= ${a} AND occurred_at_ms >= ${f} AND occurred_at_ms < ${t}`,
  customer_satisfaction: (f, t, a) =>
    `SELECT AVG(customer_satisfaction) AS value FROM activity_completed WHERE customer_satisfaction IS NOT NULL AND recorded_at_ms <= ${a} AND occurred_at_ms >= ${f} AND occurred_at_ms < ${t}`,
};

/** The fact tables a KPI's SQLite statement reads. */
export function tablesRead(sql: string): string[] {
  return [...new Set([...sql.matchAll(/\bFROM ([a-z_]+)/g)].map((match) => match[1]!))];
}

/** Creates each fact table (columns as text/numbers) with indexes, and inserts the rows. */
export function loadSqliteFacts(db: Database.Database, tables: ReadonlyMap<string, AnalyticsRow[]>): void {
  for (const [table, rows] of tables) {
    if (table === 'events') continue; // the KPIs read the fact tables only
    const columns = Object.keys(rows[0] ?? {});
    if (columns.length === 0) continue;
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (${columns.map((c) => `"${c}"`).join(', ')})`);
    db.exec(`CREATE INDEX IF NOT EXISTS ${table}_time ON ${table} (occurred_at_ms)`);
    db.exec(`CREATE INDEX IF NOT EXISTS ${table}_entity ON ${table} (entity_id)`);
    const insert = db.prepare(`INSERT INTO ${table} VALUES (${columns.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (const row of rows) insert.run(...columns.map((c) => sqliteValue(row[c])));
    })();
  }
}

function sqliteValue(value: AnalyticsRow[string] | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  if (value instanceof SqlDecimal) return value.text;
  if (Array.isArray(value)) return JSON.stringify(value);
  return value as string | number;
}
