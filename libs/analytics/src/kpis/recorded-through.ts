import type { AnalyticsStore } from '../analytics-store.port.js';

/**
 * The last millisecond any event the read models hold can have been recorded in: the latest
 * `recorded_at` of the `events` table (whole seconds, from its parts' partition metadata on
 * chDB, so about a millisecond) and the 999 after it. -1 when it holds none.
 */
export async function recordedThrough(store: AnalyticsStore): Promise<number> {
  const [row] = await store.query<{ events: number | string; seconds: number | string }>('SELECT count() AS events, toUInt64(max(recorded_at)) AS seconds FROM events');
  return Number(row?.events ?? 0) === 0 ? -1 : Number(row!.seconds) * 1000 + 999;
}
