import type { RunOutput, SpawnServer } from './spawn-server.js';
import { canRun, idleClassPrefix } from './worker-isolation.js';

const NICE = '/usr/bin/nice';

/**
 * How the file work of analyst snapshots runs beside the platform's own (issue 16's fairness): in
 * child processes, so none of it is on the platform's event loop, started by the spawn server
 * (never a fork of the platform, decision 0046), and below the platform's priority.
 * - `low` (niceness 19): work someone waits for (a snapshot taken while inserts wait). It yields
 *   to the platform's threads but always progresses, even on a machine that is never idle.
 * - `idle` (the idle scheduling class): work no one waits for (removing a used snapshot); it
 *   runs only on cycles nothing else wants.
 */
export type BackgroundPriority = 'low' | 'idle';

export function runAtPriority(
  spawner: SpawnServer,
  priority: BackgroundPriority,
  command: string,
  args: readonly string[],
): Promise<RunOutput> {
  const idle = priority === 'idle' ? idleClassPrefix() : [];
  const prefix = idle.length > 0 ? idle : canRun(NICE) ? [NICE, '-n', '19'] : [];
  const [program, ...rest] = [...prefix, command, ...args];
  // Paused too while the platform reads (decision 0046): a snapshot's copy then holds the insert
  // queue for at most a stretch of a pause.
  return spawner.run(program!, rest, { pausable: true });
}
