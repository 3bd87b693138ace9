import { chown, copyFile, readdir, rename, rm } from 'node:fs/promises';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runAtPriority } from './background-priority.js';
import type { SpawnServer } from './spawn-server.js';

/**
 * A copy of a chDB folder for a worker to open (decision 0024): chDB locks its folder to one
 * process, so a worker cannot open the platform's. Parts are immutable once written, so the
 * copy is hard links (`cp -al`: ~0.1 s at 1M rows), except when the worker runs as the same
 * user as the platform: then nothing would stop it writing into a file the platform reads, and
 * the files are copied (`--reflink=auto`). The lock file is left out: it is the platform's.
 * Directories are handed to the worker's user, files stay the platform's and read-only to it,
 * except the deduplication logs, which the engine opens for appending when it loads a table:
 * those are copies of the worker's own.
 * The copying and handing over run in child processes at the lowest niceness: at 1M events a
 * snapshot is ~1,500 folders and ~16,000 links, ~0.2 s of the kernel's time, and three analysts
 * back to back take one or two a second, which at the platform's priority slowed a manager's
 * scorecard by a quarter (issue 16).
 */
export async function snapshotFolder(
  source: string,
  target: string,
  owner: { uid: number; gid: number } | undefined,
  spawner: SpawnServer,
): Promise<void> {
  // Hard links only within one file system; a snapshot elsewhere is a copy.
  const sameDevice = statSync(source).dev === statSync(dirname(target)).dev;
  const mode = owner === undefined || !sameDevice ? ['-a', '--reflink=auto'] : ['-al'];
  // A merge may remove a part while it is being linked: a second attempt copies the new set.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await runAtPriority(spawner, 'low', 'cp', [...mode, '--', source, target]);
      break;
    } catch (error) {
      await rm(target, { recursive: true, force: true });
      if (attempt === 3) throw error;
    }
  }
  await rm(join(target, 'status'), { force: true });
  if (owner !== undefined) await chownDirectories(target, owner, spawner);
}

/** Files the engine writes in place when it opens a table, found by their folder's name. */
const WRITTEN_ON_LOAD = 'deduplication_logs';

/** Every folder to the worker's user (one `find`, not a walk on the event loop), and its own copies of what it writes. */
async function chownDirectories(
  folder: string,
  owner: { uid: number; gid: number },
  spawner: SpawnServer,
): Promise<void> {
  await runAtPriority(spawner, 'low', 'find', [
    folder,
    '-type',
    'd',
    '-exec',
    'chown',
    `${owner.uid}:${owner.gid}`,
    '{}',
    '+',
  ]);
  const { stdout } = await runAtPriority(spawner, 'low', 'find', [folder, '-type', 'd', '-name', WRITTEN_ON_LOAD]);
  for (const written of stdout.split('\n').filter(Boolean)) {
    for (const entry of await readdir(written, { withFileTypes: true }))
      if (entry.isFile()) await ownCopy(join(written, entry.name), owner);
  }
}

/** Replaces a hard link with a copy the worker owns, so its writes never reach the platform's file. */
async function ownCopy(path: string, owner: { uid: number; gid: number }): Promise<void> {
  const copy = `${path}.copy`;
  await copyFile(path, copy);
  await chown(copy, owner.uid, owner.gid);
  await rename(copy, path);
}

/**
 * Where snapshots go: beside the data folder (same file system: hard links), when the worker's
 * user can reach it; else a folder of the platform's own under the system's temporary folder
 * (a data folder made with mkdtemp is 0700). Created 0711: a worker reaches its own snapshot by
 * name and cannot list the others.
 */
export function snapshotRoot(dataPath: string, owner: { uid: number; gid: number } | undefined): string {
  const beside = `${dataPath.replace(/\/+$/, '')}.analyst`;
  const root =
    owner === undefined || reachableByOthers(dirname(beside))
      ? beside
      : join(tmpdir(), `presales-analyst-${process.pid}`);
  mkdirSync(root, { recursive: true, mode: 0o711 });
  chmodSync(root, 0o711);
  return root;
}

/** Every folder from the root down to `folder` can be traversed by any user. */
function reachableByOthers(folder: string): boolean {
  for (let current = folder; ; current = dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) return false;
    if (dirname(current) === current) return true;
  }
}
