import { literal } from './analyst-sql';

/**
 * A drill-down unit names its record: `tnd-000125`, `tnd-000125/sec-1` (a section of that tender),
 * `quote/revision`, `con-000001@2026-W03`. The record is the part before the first `/` or `@`.
 */
export function recordIdOf(unitId: string): string {
  return unitId.split(/[/@]/)[0] ?? unitId;
}

/** Every event of the record's stream (`<category>-<id>`), oldest first, as recorded by asOf. */
export function recordHistorySql(id: string, asOfMs: number): string {
  return `SELECT position, type, toString(occurred_at) AS occurred, toString(recorded_at) AS recorded, actor_id, actor_role, data
FROM events AS e FINAL
WHERE endsWith(e.stream_id, ${literal(`-${id}`)}) AND e.recorded_at_ms <= ${asOfMs}
ORDER BY position LIMIT 500`;
}
