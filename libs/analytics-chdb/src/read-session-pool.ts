import { Session } from 'chdb';

/**
 * Sessions on the store's folder that only run SELECTs, so independent queries run at the same
 * time. One chDB session runs one statement at a time, and parsing, analysing and planning a
 * query use a single core: a scorecard sent as one statement left the second core idle for
 * most of its time. Sessions of one process share the engine and its data, so a read session
 * sees every insert the writing session has finished.
 */
export class ReadSessionPool {
  private readonly idle: Session[] = [];
  private readonly waiting: ((session: Session) => void)[] = [];
  private created = 0;
  private closed = false;

  constructor(
    private readonly open: () => Promise<Session>,
    /** At most this many sessions, hence queries at once. */
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`read sessions: expected a positive integer, got ${size}`);
  }

  /** Runs `work` on a session of its own; waits for one when all `size` are busy. */
  async use<T>(work: (session: Session) => Promise<T>): Promise<T> {
    const session = await this.acquire();
    try {
      return await work(session);
    } finally {
      this.release(session);
    }
  }

  /** Closes the idle sessions; one still running a query closes when it is released. */
  close(): void {
    this.closed = true;
    for (const session of this.idle.splice(0)) closeSession(session);
  }

  private async acquire(): Promise<Session> {
    if (this.closed) throw new Error('the analytics store is closed');
    const ready = this.idle.pop();
    if (ready !== undefined) return ready;
    if (this.created < this.size) {
      this.created += 1;
      try {
        return await this.open();
      } catch (error) {
        this.created -= 1;
        throw error;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(session: Session): void {
    const next = this.waiting.shift();
    if (next !== undefined) next(session);
    else if (this.closed) closeSession(session);
    else this.idle.push(session);
  }
}

function closeSession(session: Session): void {
  if (session.open) session.close();
}
