/** How many analyst queries run at once: per caller and in all (decision 0024). */
export interface AdmissionLimits {
  readonly perCaller: number;
  readonly total: number;
}

/** Beyond a limit: the caller should come back after `retryAfterSeconds` (HTTP 429, Retry-After). */
export class TooManyAnalystQueriesError extends Error {
  constructor(
    readonly limit: 'caller' | 'total',
    readonly running: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      limit === 'caller'
        ? `you already have ${running} analyst queries running, the most one caller may; retry after ${retryAfterSeconds} s`
        : `${running} analyst queries are running, the most the platform runs at once; retry after ${retryAfterSeconds} s`,
    );
    this.name = 'TooManyAnalystQueriesError';
  }
}

/** A query admitted; releasing it twice counts once. */
export interface AdmissionSlot {
  release(): void;
}

/** Durations remembered for Retry-After: how long a query has taken lately. */
const RECENT = 20;

/**
 * Admits a query when its caller and the platform are under their limits, and refuses it at
 * once otherwise: a refused caller waits on its side, holding nothing of the platform's.
 */
export class AnalystAdmission {
  private readonly running = new Map<string, number>();
  private total = 0;
  private readonly recentMs: number[] = [];

  constructor(readonly limits: AdmissionLimits) {
    for (const [name, value] of Object.entries(limits)) {
      if (!Number.isInteger(value) || value < 1)
        throw new RangeError(`analyst admission: ${name} must be a positive integer, got ${value}`);
    }
  }

  async run<T>(callerId: string, work: () => Promise<T>): Promise<T> {
    const slot = this.admit(callerId);
    try {
      return await work();
    } finally {
      slot.release();
    }
  }

  /**
   * Takes a slot for a query whose work outlives one promise (an export streams after its
   * handler returns); the caller releases it, once, when the rows stop. Throws as `run` does.
   */
  admit(callerId: string): AdmissionSlot {
    const mine = this.running.get(callerId) ?? 0;
    if (mine >= this.limits.perCaller) throw new TooManyAnalystQueriesError('caller', mine, this.retryAfterSeconds());
    if (this.total >= this.limits.total)
      throw new TooManyAnalystQueriesError('total', this.total, this.retryAfterSeconds());
    this.running.set(callerId, mine + 1);
    this.total += 1;
    const started = performance.now();
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.total -= 1;
        const left = (this.running.get(callerId) ?? 1) - 1;
        if (left === 0) this.running.delete(callerId);
        else this.running.set(callerId, left);
        this.recentMs.push(performance.now() - started);
        if (this.recentMs.length > RECENT) this.recentMs.shift();
      },
    };
  }

  /** The mean of recent durations, whole seconds, at least 1. */
  private retryAfterSeconds(): number {
    if (this.recentMs.length === 0) return 1;
    const mean = this.recentMs.reduce((sum, ms) => sum + ms, 0) / this.recentMs.length;
    return Math.max(1, Math.ceil(mean / 1000));
  }
}
