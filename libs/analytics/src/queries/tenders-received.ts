import type { AnalyticsStore } from '../analytics-store.port.js';
import { sqlValue } from '../sql/escape.js';

export interface TendersReceivedFilter {
  /** Only tenders recorded at or before this time (DESIGN.md decision 11). */
  readonly asOf?: Date;
}

export interface TendersReceivedPoint {
  /** `YYYY-MM`, bucketed by the business time the tender was received. */
  readonly period: string;
  readonly tenders: number;
}

export interface TendersReceivedResult {
  readonly points: TendersReceivedPoint[];
  /** The exact SQL that produced the points, so every number can be traced. */
  readonly sql: string;
}

export function tendersReceivedByMonthSql(filter: TendersReceivedFilter = {}): string {
  const asOf = filter.asOf === undefined ? '' : `\nWHERE recorded_at_ms <= ${sqlValue(filter.asOf.getTime())}`;
  return [
    `SELECT toString(toYYYYMM(occurred_at)) AS period, count() AS tenders`,
    `FROM tender_received FINAL${asOf}`,
    'GROUP BY period',
    'ORDER BY period',
  ].join('\n');
}

export async function tendersReceivedByMonth(
  store: AnalyticsStore,
  filter: TendersReceivedFilter = {},
): Promise<TendersReceivedResult> {
  const sql = tendersReceivedByMonthSql(filter);
  const rows = await store.query<{ period: string; tenders: number | string }>(sql);
  return {
    sql,
    points: rows.map((row) => ({
      period: `${row.period.slice(0, 4)}-${row.period.slice(4, 6)}`,
      tenders: Number(row.tenders),
    })),
  };
}
