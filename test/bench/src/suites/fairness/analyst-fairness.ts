import { analyticsTablesPolicy, runAnalystSql } from '@presales/analytics';
import type { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { phaseOverlaps, type Interval } from './phase-overlaps.js';

/** A heavy analyst query: every event's data hashed, in one worker thread, until its time limit on a large store. */
const HEAVY = 'SELECT count() FROM events WHERE cityHash64(data, toString(position)) % 7 = 1';
/** How long the workers get to start (node, chDB, a snapshot) before the scorecards are timed. */
const WARM_UP_MS = 3000;
/**
 * The start of an analyst query: its snapshot, then node, chDB and the snapshot opened
 * (0.7–1.2 s measured on two busy cores, decision 0024), before the statement itself runs.
 */
const WORKER_START_MS = 1500;

export interface BesideAnalysts {
  /** Each scorecard's time, in the order they ran. */
  readonly samples: number[];
  /** Scorecards that overlapped the start of an analyst's query, and those that ran only beside running ones. */
  readonly byPhase: { readonly duringStarts: number[]; readonly betweenStarts: number[] };
}

/**
 * The scorecard timed while three callers each run heavy analyst queries back to back
 * (decision 0024: within 20 % of its time alone). Each query runs as in the platform: through
 * the gate, in a worker process on a snapshot, at the idle scheduling class. Every query's and
 * every scorecard's interval is kept, so a slow scorecard can be told apart by what the workers
 * were doing meanwhile (decision 0033: most scorecards take their time alone, some 2–5×).
 */
export async function scorecardBesideAnalysts(
  analytics: ChdbAnalyticsStore,
  scorecard: () => Promise<number>,
  runs: number,
): Promise<BesideAnalysts> {
  const session = await analytics.openAnalystSession({
    maxExecutionSeconds: 10,
    maxResultRows: 100_000,
    maxMemoryBytes: 2_000_000_000,
    export: { maxResultRows: 1_000_000, maxExecutionSeconds: 120 },
  });
  const parser = analytics.openSqlParser();
  const gate = { parser, policy: analyticsTablesPolicy(analytics.databaseName) };
  const starts: Interval[] = [];
  let stop = false;
  const caller = async () => {
    while (!stop) {
      const started = performance.now();
      starts.push({ from: started, to: started + WORKER_START_MS });
      await runAnalystSql(session, gate, HEAVY).catch(() => undefined);
    }
  };
  const callers = [caller(), caller(), caller()];
  try {
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
    const samples: number[] = [];
    const scorecards: Interval[] = [];
    for (let run = 0; run < runs; run += 1) {
      const from = performance.now();
      samples.push(await scorecard());
      scorecards.push({ from, to: performance.now() });
    }
    const overlapping = phaseOverlaps(scorecards, starts);
    return {
      samples,
      byPhase: {
        duringStarts: samples.filter((_, i) => overlapping[i]),
        betweenStarts: samples.filter((_, i) => !overlapping[i]),
      },
    };
  } finally {
    stop = true;
    await Promise.all(callers);
    parser.close();
    await session.close();
  }
}
