import type { AnalyticsStore } from '@presales/analytics';

/**
 * Waits until ClickHouse has no background merge running (twice in a row, half a second apart):
 * right after a bulk load of 10M events the engine merges parts for minutes, and timing queries
 * then would measure those merges, not the queries. Gives up after `timeoutMs`, saying so.
 */
export async function backgroundMergesDone(
  store: AnalyticsStore,
  timeoutMs = 600_000,
): Promise<{ waitedMs: number; settled: boolean }> {
  const started = Date.now();
  let quietChecks = 0;
  while (Date.now() - started < timeoutMs) {
    const [row] = await store.query<{ merges: number }>('SELECT count() AS merges FROM system.merges');
    quietChecks = Number(row?.merges ?? 0) === 0 ? quietChecks + 1 : 0;
    if (quietChecks === 2) return { waitedMs: Date.now() - started, settled: true };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { waitedMs: Date.now() - started, settled: false };
}
