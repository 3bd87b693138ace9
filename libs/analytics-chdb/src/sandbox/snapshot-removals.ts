import { rm } from 'node:fs/promises';
import { runAtPriority } from './background-priority.js';
import type { SpawnServer } from './spawn-server.js';

/** Removals that may wait for idle cycles; beyond them, a removal runs at low priority so folders never pile up. */
const IDLE_REMOVALS_AT_MOST = 4;

/**
 * Used snapshots, removed after the answer has gone, in a child process: removing ~16,000 links
 * is kernel work no caller waits for, so it runs at the idle scheduling class. On a machine never
 * idle those would never finish; past a few pending, removals run at low priority instead, which
 * always progresses.
 */
export class SnapshotRemovals {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly spawner: SpawnServer) {}

  remove(folder: string): void {
    const priority = this.pending.size < IDLE_REMOVALS_AT_MOST ? 'idle' : 'low';
    const removal = runAtPriority(this.spawner, priority, 'rm', ['-rf', '--', folder]).then(
      () => undefined,
      // No `rm` to run: the platform removes it itself.
      () => rm(folder, { recursive: true, force: true }).catch(() => undefined),
    );
    this.pending.add(removal);
    void removal.then(() => this.pending.delete(removal));
  }

  /** Every removal asked for so far has finished. */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }
}
