/** How long the platform's engine must be idle before the workers go on: a scorecard's statements come in waves. */
export const LINGER_MS = 25;
/** The longest the workers wait at a stretch, however busy the platform stays. */
export const MAX_PAUSE_MS = 1000;
/** How long they then run before they may be paused again: at least a fifth of the time is theirs. */
export const RELIEF_MS = 250;

type Timer = NodeJS.Timeout;

/**
 * Analyst workers wait, stopped, while the platform's own engine computes (issue 16, decision
 * 0046). The workers already run at the idle scheduling class, so they take no core the platform
 * asks for; what they still took was the rest: beside three of them a manager's scorecard was a
 * quarter slower, evenly, although each of its statements had its cores: caches, memory
 * bandwidth, and the moments between its statements when a worker ran and evicted its data.
 *
 * The platform marks its engine work with `during`; listeners (the analyst session, which tells
 * its spawn server) hear `true` at the first such work and `false` once none has run for
 * LINGER_MS. No analyst waits for ever: after MAX_PAUSE_MS at a stretch, the workers run for
 * RELIEF_MS whatever the platform does.
 */
export class PlatformFirst {
  private active = 0;
  private pausedAt: number | undefined;
  /** Milliseconds of the pauses that have ended (see pausedMs). */
  private pausedBefore = 0;
  private reliefUntil = 0;
  private linger: Timer | undefined;
  /** Ends a pause at MAX_PAUSE_MS. */
  private stretch: Timer | undefined;
  /** Ends the workers' turn at RELIEF_MS. Its own timer: a late one must not outlive a pause begun meanwhile. */
  private turn: Timer | undefined;
  private readonly listeners = new Set<(paused: boolean) => void>();

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** Runs the platform's engine work with the workers stopped. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  /** Hears whether the workers should wait; returns how to stop hearing it. */
  subscribe(listener: (paused: boolean) => void): () => void {
    this.listeners.add(listener);
    if (this.paused) listener(true);
    return () => this.listeners.delete(listener);
  }

  get paused(): boolean {
    return this.pausedAt !== undefined;
  }

  /**
   * How long the workers have waited, stopped, since this began, the pause under way included.
   * A worker's share is the difference between two readings: its time limit is its own running
   * time, and an analyst told that a query ran too long is told how much of it was spent waiting.
   */
  pausedMs(): number {
    return this.pausedBefore + (this.pausedAt === undefined ? 0 : this.clock() - this.pausedAt);
  }

  private enter(): void {
    this.active += 1;
    clearTimeout(this.linger);
    this.linger = undefined;
    if (!this.paused && this.clock() >= this.reliefUntil) this.pause();
  }

  private leave(): void {
    this.active -= 1;
    if (this.active === 0 && this.paused) {
      clearTimeout(this.linger);
      this.linger = setTimeout(() => this.resume(), LINGER_MS).unref();
    }
  }

  private pause(): void {
    // The turn may be over by the clock before its timer has run (a busy event loop).
    clearTimeout(this.turn);
    this.turn = undefined;
    this.pausedAt = this.clock();
    this.stretch = setTimeout(() => this.relieve(), MAX_PAUSE_MS).unref();
    this.tell(true);
  }

  private resume(): void {
    clearTimeout(this.linger);
    clearTimeout(this.stretch);
    this.linger = undefined;
    this.stretch = undefined;
    if (this.pausedAt !== undefined) this.pausedBefore += this.clock() - this.pausedAt;
    this.pausedAt = undefined;
    this.tell(false);
  }

  /** The workers' turn: they run for RELIEF_MS, then wait again if the platform is still at work. */
  private relieve(): void {
    this.resume();
    this.reliefUntil = this.clock() + RELIEF_MS;
    this.turn = setTimeout(() => {
      this.turn = undefined;
      if (this.active > 0 && !this.paused) this.pause();
    }, RELIEF_MS).unref();
  }

  /**
   * A listener that fails must not fail the platform's read, nor leave the count of reads in
   * flight wrong (enter runs before the read's try): what it failed at, the workers' pause, is
   * only ever an optimisation.
   */
  private tell(paused: boolean): void {
    for (const listener of this.listeners) {
      try {
        listener(paused);
      } catch {
        // The workers keep running (or waiting) until the next change is told.
      }
    }
  }
}
