import { analyticsTablesPolicy, runAnalystSql } from '@presales/analytics';
import type { ChdbAnalyticsStore } from '@presales/analytics-chdb';

/** A heavy analyst query: every event's data hashed, in one worker thread, until its time limit on a large store. */
const HEAVY = 'SELECT count() FROM events WHERE cityHash64(data, toString(position)) % 7 = 1';
/** How long the workers get to start (node, chDB, a snapshot) before the scorecards are timed. */
const WARM_UP_MS = 3000;

/**
 * The scorecard timed while three callers each run heavy analyst queries back to back
 * (decision 0024: within 20 % of its time alone). Each query runs as in the platform: through
 * the gate, in a worker process on a snapshot, at the idle scheduling class.
 */
export async function scorecardBesideAnalysts(
  analytics: ChdbAnalyticsStore,
  scorecard: () => Promise<number>,
  runs: number,
): Promise<number[]> {
  const session = await analytics.openAnalystSession({
    maxExecutionSeconds: 10,
    maxResultRows: 100_000,
    maxMemoryBytes: 2_000_000_000,
    export: { maxResultRows: 1_000_000, maxExecutionSeconds: 120 },
  });
  const parser = analytics.openSqlParser();
  const gate = { parser, policy: analyticsTablesPolicy(analytics.databaseName) };
  let stop = false;
  const caller = async () => {
    while (!stop) await runAnalystSql(session, gate, HEAVY).catch(() => undefined);
  };
  const callers = [caller(), caller(), caller()];
  try {
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
    const samples: number[] = [];
    for (let run = 0; run < runs; run += 1) samples.push(await scorecard());
    return samples;
  } finally {
    stop = true;
    await Promise.all(callers);
    parser.close();
    await session.close();
  }
}
