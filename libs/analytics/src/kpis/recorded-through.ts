import type { AnalyticsStore } from '../analytics-store.port.js';

/**
 * The last millisecond any event the read models hold can have been recorded in: the latest
 * `recorded_at` of the `events` table, a whole second (from its parts' partition metadata on
 * chDB: about a millisecond), and the 999 after it. 999 when the table is empty.
 */
export async function recordedThrough(store: AnalyticsStore): Promise<number> {
  const [row] = await store.query<{ seconds: number | string }>(
    'SELECT toUInt64(max(recorded_at)) AS seconds FROM events',
  );
  return Number(row?.seconds ?? 0) * 1000 + 999;
}
