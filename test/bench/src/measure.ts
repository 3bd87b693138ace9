import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The middle value; for an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Below any real fraction of a rank, above floating point's error in p·n/100 (99.9 of 1,000 is 999.0000000000001). */
const RANK_ROUNDING = 1e-9;

/** The nearest-rank percentile (`p` from 0 to 100) of values in any order: the value at rank ⌈p·n/100⌉. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p * sorted.length) / 100 - RANK_ROUNDING);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Items per second for `items` processed by `work`, timed with the monotonic clock. */
export async function throughput(items: number, work: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return items / seconds;
}

/**
 * Measures a figure and its baseline `runs` times, one right after the other, after one
 * warm-up pair whose values are dropped. Pairing is what makes per-run ratios meaningful.
 */
export async function pairedRuns(
  runs: number,
  measureOnce: () => Promise<{ ours: number; baseline: number }>,
): Promise<{ ours: number[]; baseline: number[] }> {
  const ours: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    const measured = await measureOnce();
    if (run === 0) continue;
    ours.push(measured.ours);
    baseline.push(measured.baseline);
  }
  return { ours, baseline };
}

/**
 * A full garbage collection, so the timing that follows starts from a settled heap instead of
 * paying for whatever the preparation before it left behind. `--expose-gc` set at run time
 * applies to contexts created afterwards, hence the fresh one.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
