/**
 * How long the analyst workers have waited, stopped, while the platform's own engine read
 * (PlatformFirst, decision 0046), summed since the session opened. A worker's share is the
 * difference between two readings: its time limit is its own running time, and an analyst told
 * that a query ran too long is told how much of it was spent waiting.
 */
export class PausedTime {
  private total = 0;
  private since: number | undefined;

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** Hears PlatformFirst: `true` when the workers stop, `false` when they go on. */
  set(paused: boolean): void {
    if (paused && this.since === undefined) this.since = this.clock();
    else if (!paused && this.since !== undefined) {
      this.total += this.clock() - this.since;
      this.since = undefined;
    }
  }

  /** Milliseconds paused so far, the pause under way included. */
  elapsed(): number {
    return this.total + (this.since === undefined ? 0 : this.clock() - this.since);
  }
}
