/** A stretch of time, in performance.now() milliseconds. */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

/** For each of `measured`, whether any of `phases` overlaps it. */
export function phaseOverlaps(measured: readonly Interval[], phases: readonly Interval[]): boolean[] {
  return measured.map((m) => phases.some((p) => p.from < m.to && p.to > m.from));
}
