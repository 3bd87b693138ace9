import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import { WORKER_ROOT_SCRIPT } from './worker-root.js';

/**
 * How a worker is kept from the host (decisions 0024 and 0033):
 * - `os`: the platform runs as root, so the worker runs as `nobody` (setpriv: no new privileges,
 *   no capabilities, killed with the platform) in namespaces of its own (unshare): a network
 *   with only a loopback that is down, its own processes, and its own mounts, where
 *   worker-root.ts builds a read-only root from an allowlist (no /etc, /home, /work data, /var,
 *   host /tmp), with a private /tmp and the query's snapshot.
 * - `process`: anyone else: a process of its own with no environment, the same user.
 */
export type WorkerIsolation =
  { readonly kind: 'os'; readonly uid: number; readonly gid: number } | { readonly kind: 'process' };

export const NOBODY = { uid: 65534, gid: 65534 };

const UNSHARE = '/usr/bin/unshare';
const SETPRIV = '/usr/bin/setpriv';
const CHRT = '/usr/bin/chrt';
const SH = '/bin/sh';
const NAMESPACES = ['--mount', '--net', '--pid', '--fork', '--kill-child', '--propagation', 'private'];

let probed: WorkerIsolation | undefined;

/** `os` when this process is root and the kernel lets it make the namespaces (a container may not); probed once. */
export function availableIsolation(): WorkerIsolation {
  probed ??= probeIsolation();
  return probed;
}

function probeIsolation(): WorkerIsolation {
  if (process.getuid?.() !== 0 || ![UNSHARE, SETPRIV, SH].every(canRun)) return { kind: 'process' };
  const probe = spawnSync(
    UNSHARE,
    [...NAMESPACES, '--', SH, '-c', 'mount -t tmpfs tmpfs /mnt && mount -t proc proc /mnt'],
    { timeout: 5000 },
  );
  return probe.status === 0 ? { kind: 'os', ...NOBODY } : { kind: 'process' };
}

/** Where a worker's job is: the script it runs and the snapshot it opens. */
export interface WorkerJob {
  readonly worker: string;
  readonly snapshot: string;
  /** An empty folder of the platform's: the new root is mounted on it, inside the worker's namespace only. */
  readonly mountPoint: string;
}

/**
 * The command line that starts `node worker` under the isolation, at the idle scheduling class
 * (`chrt --idle`, any user may): a worker gets a core only when the platform's own work leaves it
 * idle. Measured with niceness 10 instead: three heavy analyst queries slowed a scorecard 2.45×.
 */
export function workerCommand(isolation: WorkerIsolation, job: WorkerJob): { command: string; args: string[] } {
  const node = [process.execPath, '--max-old-space-size=256', job.worker];
  const idle = idleClassPrefix();
  const isolated =
    isolation.kind === 'process'
      ? node
      : [
          UNSHARE,
          ...NAMESPACES,
          '--',
          SH,
          '-c',
          WORKER_ROOT_SCRIPT,
          'worker-root',
          job.mountPoint,
          job.snapshot,
          ...workerReadOnlyPaths(job.worker),
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

/**
 * All a worker reads besides its snapshot, read-only: the system's programs and libraries (/usr
 * and its /bin, /lib links, the loader's cache, the cgroup file systems), node, the worker script,
 * and the node_modules folder chDB is loaded from (public code). Nothing of /etc but the
 * loader's cache.
 */
export function workerReadOnlyPaths(worker: string): string[] {
  const node = realpathSync(process.execPath);
  const chdb = realpathSync(createRequire(worker).resolve('chdb'));
  const modules = chdb.slice(0, chdb.lastIndexOf(`${sep}node_modules${sep}`) + `${sep}node_modules`.length);
  const system = ['/usr', '/bin', '/lib', '/lib64', '/etc/ld.so.cache'].filter(exists);
  const outsideUsr = (path: string) => !path.startsWith(`/usr${sep}`);
  return [...system, ...cgroupMounts(), ...[dirname(node)].filter(outsideUsr), modules, worker];
}

/**
 * The cgroup file systems of memory (v2: /sys/fs/cgroup itself; v1: a mount per controller
 * under a tmpfs there): chDB reads its memory usage and limit there, and writes a warning into
 * every answer stopped on a limit without them. Parents first.
 */
function cgroupMounts(): string[] {
  let mounts: string;
  try {
    mounts = readFileSync('/proc/self/mounts', 'utf8');
  } catch {
    return [];
  }
  return mounts
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((point) => ['/sys/fs/cgroup', '/sys/fs/cgroup/memory', '/sys/fs/cgroup/unified'].includes(point))
    .sort((a, b) => a.length - b.length);
}

function exists(path: string): boolean {
  try {
    accessSync(path);
    return true;
  } catch {
    return false;
  }
}

/** `chrt --idle 0` where the system has it: what follows runs only on cycles nothing else wants. */
export function idleClassPrefix(): string[] {
  return canRun(CHRT) ? [CHRT, '--idle', '0'] : [];
}

export function canRun(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
