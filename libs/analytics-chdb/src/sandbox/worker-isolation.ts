import { accessSync, constants } from 'node:fs';

/**
 * How a worker is kept from the host (decision 0024):
 * - `os`: the platform runs as root, so the worker runs as `nobody` (setpriv: no new privileges,
 *   no capabilities, killed with the platform) in a network namespace of its own (unshare: only
 *   a loopback that is down), with no environment.
 * - `process`: anyone else: a process of its own with no environment, the same user.
 */
export type WorkerIsolation =
  | { readonly kind: 'os'; readonly uid: number; readonly gid: number }
  | { readonly kind: 'process' };

export const NOBODY = { uid: 65534, gid: 65534 };

const UNSHARE = '/usr/bin/unshare';
const SETPRIV = '/usr/bin/setpriv';
const CHRT = '/usr/bin/chrt';

export function availableIsolation(): WorkerIsolation {
  if (process.getuid?.() !== 0) return { kind: 'process' };
  try {
    accessSync(UNSHARE, constants.X_OK);
    accessSync(SETPRIV, constants.X_OK);
  } catch {
    return { kind: 'process' };
  }
  return { kind: 'os', ...NOBODY };
}

/**
 * The command line that starts `node worker` under the isolation, at the idle scheduling class
 * (`chrt --idle`, any user may): a worker gets a core only when the platform's own work leaves it
 * idle. Measured with niceness 10 instead: three heavy analyst queries slowed a scorecard 2.45×.
 */
export function workerCommand(isolation: WorkerIsolation, worker: string): { command: string; args: string[] } {
  const node = [process.execPath, '--max-old-space-size=256', worker];
  const idle = canRun(CHRT) ? [CHRT, '--idle', '0'] : [];
  const isolated =
    isolation.kind === 'process'
      ? node
      : [
          UNSHARE,
          '--net',
          '--',
          SETPRIV,
          `--reuid=${isolation.uid}`,
          `--regid=${isolation.gid}`,
          '--clear-groups',
          '--no-new-privs',
          '--inh-caps=-all',
          '--bounding-set=-all',
          '--pdeathsig=KILL',
          '--',
          ...node,
        ];
  const [command, ...args] = [...idle, ...isolated];
  return { command: command!, args };
}

function canRun(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
