/** How a pool gets and gives back what it lends: a session, a connection slot. */
export interface PooledResources<T> {
  open(): Promise<T>;
  close(resource: T): void;
}

/**
 * Lends at most `size` resources, each to one caller at a time; further callers wait in order.
 * Resources are opened when first needed and kept until the pool closes. A failed open is the
 * error of the caller that needed it, and the next waiter tries again: nobody waits on a
 * resource that will never come.
 */
export class ResourcePool<T> {
  private readonly idle: T[] = [];
  private readonly lent = new Set<T>();
  private readonly waiting: { resolve(resource: T): void; reject(error: Error): void }[] = [];
  private opened = 0;
  private closed = false;
  private allReturned?: () => void;

  constructor(
    private readonly resources: PooledResources<T>,
    readonly size: number,
    /** Names the pool in errors: "chDB read sessions". */
    private readonly label: string,
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`${label}: the pool size must be a positive integer, got ${size}`);
  }

  /** Runs `work` with a resource of its own, given back however `work` ends. */
  async use<R>(work: (resource: T) => Promise<R>): Promise<R> {
    const resource = await this.acquire();
    try {
      return await work(resource);
    } finally {
      this.release(resource);
    }
  }

  /** Refuses new and waiting callers, waits for the resources lent out to come back, closes all. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.closedError());
    for (const resource of this.idle.splice(0)) this.resources.close(resource);
    if (this.lent.size > 0) await new Promise<void>((resolve) => (this.allReturned = resolve));
  }

  private async acquire(): Promise<T> {
    if (this.closed) throw this.closedError();
    const idle = this.idle.pop();
    if (idle !== undefined) return this.lend(idle);
    if (this.opened >= this.size) return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.opened += 1;
    let resource: T;
    try {
      resource = await this.resources.open();
    } catch (error) {
      this.opened -= 1;
      this.retryForNextWaiter();
      throw error;
    }
    if (!this.closed) return this.lend(resource);
    this.opened -= 1;
    this.resources.close(resource);
    throw this.closedError();
  }

  private lend(resource: T): T {
    this.lent.add(resource);
    return resource;
  }

  private release(resource: T): void {
    this.lent.delete(resource);
    if (this.closed) {
      this.resources.close(resource);
      if (this.lent.size === 0) this.allReturned?.();
      return;
    }
    const next = this.waiting.shift();
    if (next === undefined) this.idle.push(resource);
    else next.resolve(this.lend(resource));
  }

  /** A slot freed by a failed open goes to the first waiter, which opens its own. */
  private retryForNextWaiter(): void {
    const next = this.waiting.shift();
    if (next !== undefined) this.acquire().then(next.resolve, next.reject);
  }

  private closedError(): Error {
    return new Error(`${this.label}: closed`);
  }
}
