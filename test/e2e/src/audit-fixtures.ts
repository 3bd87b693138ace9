import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { disputeScript, playScript, type DisputeOptions } from '@presales/audit/testing';
import { SqliteEventStore } from '@presales/event-store-sqlite';

/** The platform's SQLite file in a DATA_DIR. */
export const eventsFile = (dataDir: string) => join(dataDir, 'events.sqlite');

/** Records the dispute scenarios into DATA_DIR's store, each append at its scripted store time. */
export async function seedDisputes(dataDir: string, disputes: readonly DisputeOptions[]): Promise<void> {
  let now = new Date(0);
  const store = SqliteEventStore.open({ file: eventsFile(dataDir), durability: 'normal', clock: () => now });
  try {
    const script = disputes
      .flatMap((options) => disputeScript(options))
      .sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
    await playScript(store, (time) => (now = time), script);
  } finally {
    await store.close();
  }
}

/**
 * Edits of the file the way someone with access to it would make them: SQL through a second
 * connection, while the platform keeps its own open.
 */
export function tamperWith(dataDir: string, edit: (db: Database.Database) => void): void {
  const db = new Database(eventsFile(dataDir));
  try {
    db.pragma('busy_timeout = 10000');
    edit(db);
  } finally {
    db.close();
  }
}

/** Moves an event's recordedAt: the forged deadline proof. */
export function backdateRecordedAt(
  db: Database.Database,
  streamId: string,
  revision: number,
  recordedAt: string,
): void {
  db.prepare(
    `UPDATE events SET metadata = json_set(metadata, '$.recordedAt', ?) WHERE stream_id = ? AND revision = ?`,
  ).run(recordedAt, streamId, revision);
}

export function deleteEvent(db: Database.Database, streamId: string, revision: number): void {
  db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = ?').run(streamId, revision);
}

/** Swaps two events of a stream in place: each row takes the other's content, revisions and positions stay. */
export function swapEvents(db: Database.Database, streamId: string, first: number, second: number): void {
  const row = (revision: number) =>
    db
      .prepare('SELECT id, type, data, metadata, hash FROM events WHERE stream_id = ? AND revision = ?')
      .get(streamId, revision) as Record<string, string>;
  const [a, b] = [row(first), row(second)];
  const write = db.prepare(
    'UPDATE events SET id = ?, type = ?, data = ?, metadata = ?, hash = ? WHERE stream_id = ? AND revision = ?',
  );
  db.transaction(() => {
    db.prepare('UPDATE events SET id = ? WHERE stream_id = ? AND revision = ?').run(
      `${b['id']}-moving`,
      streamId,
      second,
    );
    write.run(b['id'], b['type'], b['data'], b['metadata'], b['hash'], streamId, first);
    write.run(a['id'], a['type'], a['data'], a['metadata'], a['hash'], streamId, second);
  })();
}

/** The pack's own verifier, run as a third party runs it: `node verify.mjs` in the pack's folder. */
export function runPackVerifier(packDir: string): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, ['verify.mjs'], { cwd: packDir, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The auditor these suites sign in as: an account whose id the audit log must show. */
export const AUDITOR_ID = 'auditor-e2e';

/** Waits until the projector has every recorded event in the analytics tables. */
export async function projectionSettled(url: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    const health = (await (await fetch(`${url}api/health`)).json()) as {
      projector: { lagEvents: number; state: string };
    };
    if (health.projector.lagEvents === 0 && health.projector.state === 'live') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('projector did not catch up within 60 s');
}
