import type { EventStore } from '@presales/event-store';

/**
 * Callers waiting until the projection reaches a position (read-your-writes for the API), for
 * a projector in this process and for one elsewhere alike: each resolves with true once
 * `reached` passes its position, or with false when its time is up.
 */
export class PositionWaiters {
  private readonly waiters = new Set<{ position: bigint; resolve: () => void }>();

  wait(reachedSoFar: bigint, position: bigint, timeoutMs: number): Promise<boolean> {
    if (reachedSoFar >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = { position, resolve: () => finish(true) };
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (reached: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(reached);
      };
      this.waiters.add(waiter);
    });
  }

  /** Everything up to `checkpoint` is queryable now. */
  reached(checkpoint: bigint): void {
    for (const waiter of this.waiters) if (waiter.position <= checkpoint) waiter.resolve();
  }
}

/** How long the oldest event after `checkpoint` has been waiting to be projected, in seconds (0 when none). */
export async function lagSecondsAfter(eventStore: EventStore, checkpoint: bigint, now: Date): Promise<number> {
  const [oldest] = (await eventStore.readAll({ fromPosition: checkpoint, maxCount: 2 })).filter(
    (event) => event.position > checkpoint,
  );
  return oldest === undefined ? 0 : Math.max(0, (now.getTime() - Date.parse(oldest.metadata.recordedAt)) / 1000);
}
