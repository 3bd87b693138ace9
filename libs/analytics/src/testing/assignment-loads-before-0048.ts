import type { AnalyticsStore } from '../analytics-store.port.js';
import { sqlValue } from '../sql/escape.js';
import type { CommittedWeekLoad } from '../staffing/weekly-load.js';

/**
 * The assignments' weekly load as suggestions and the capacity plan computed it before decision
 * 0048: every assignment touching the weeks, read from the whole history of assignments joined
 * with their releases, and counted on each Monday in [from, to] before its release. Kept as the
 * reference the weekly load table is checked against (the contract suite on both engines) and
 * measured against (the library benchmark suite).
 */
export async function assignmentLoadsBefore0048(
  store: AnalyticsStore,
  mondays: readonly number[],
): Promise<CommittedWeekLoad[]> {
  const from = sqlValue(mondays[0]!);
  const to = sqlValue(mondays[mondays.length - 1]! + 7 * 86_400_000);
  const spans = await store.query<{ c: string; pct: number; f: number; t: number; released: number; at: number }>(
    `SELECT c, pct, f, t, released, at FROM (
  SELECT entity_id AS c, assignment_id AS a, allocation_pct AS pct, from_at_ms AS f, to_at_ms AS t
  FROM consultant_assigned FINAL WHERE from_at_ms < ${to} AND to_at_ms >= ${from}
) AS assigned
ANY LEFT JOIN (
  SELECT entity_id AS c, assignment_id AS a, min(occurred_at_ms) AS at, toUInt8(1) AS released FROM consultant_released FINAL
  WHERE occurred_at_ms < ${to} AND assignment_from_ms < ${to} AND assignment_to_ms >= ${from} GROUP BY c, a
) AS releases USING c, a`,
  );
  const loads = new Map<string, number>();
  for (const span of spans) {
    const releasedMs = Number(span.released) === 1 ? Number(span.at) : null;
    for (const monday of mondays) {
      if (Number(span.f) <= monday && monday <= Number(span.t) && (releasedMs === null || releasedMs > monday)) {
        const key = `${span.c}\u0000${monday}`;
        loads.set(key, (loads.get(key) ?? 0) + Math.round(Number(span.pct) * 100));
      }
    }
  }
  return [...loads]
    .filter(([, hundredths]) => hundredths !== 0)
    .map(([key, hundredths]) => {
      const [consultantId, monday] = key.split('\u0000');
      return { consultantId: consultantId!, mondayMs: Number(monday), hundredths };
    });
}
