import type Database from 'better-sqlite3';
import { CREATE_CHECKPOINTS, CREATE_EVENTS, CREATE_STREAMS, SCHEMA_VERSION, type EventRow } from './schema.js';
import { LEDGER_GENESIS, LedgerEntry } from './ledger.js';

/**
 * Brings a database file to SCHEMA_VERSION in one transaction. Version 0 is either an empty
 * file or the walking skeleton's schema (events without ledger hashes, no stream heads), whose
 * events are kept: their ledger hashes and head records are computed from the rows as found.
 */
export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === SCHEMA_VERSION) return;
  if (version > SCHEMA_VERSION)
    throw new Error(
      `event store schema version ${version} is newer than this build (${SCHEMA_VERSION}); upgrade the platform`,
    );
  db.transaction(() => {
    const hadEvents = tableExists(db, 'events');
    if (hadEvents && !columnExists(db, 'events', 'ledger_hash')) {
      db.exec(`ALTER TABLE events ADD COLUMN ledger_hash TEXT`);
    }
    db.exec(CREATE_EVENTS);
    db.exec(CREATE_STREAMS);
    db.exec(CREATE_CHECKPOINTS);
    if (hadEvents) backfillVersion0(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** Version 0 kept no append boundaries: each old event becomes an append of its own in the ledger. */
function backfillVersion0(db: Database.Database): void {
  const setLedger = db.prepare<[string, number]>('UPDATE events SET ledger_hash = ? WHERE position = ?');
  let previous = LEDGER_GENESIS;
  for (const row of db
    .prepare<[], Pick<EventRow, 'position' | 'hash'>>('SELECT position, hash FROM events ORDER BY position')
    .all()) {
    const entry = new LedgerEntry(previous);
    entry.add(row.position, row.hash);
    previous = entry.seal();
    setLedger.run(previous, row.position);
  }
  db.exec(`INSERT OR IGNORE INTO streams (stream_id, state, last_revision, last_hash)
           SELECT e.stream_id, 'live', e.revision, e.hash FROM events e
           WHERE e.revision = (SELECT max(revision) FROM events WHERE stream_id = e.stream_id)`);
}

function tableExists(db: Database.Database, table: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}

function columnExists(db: Database.Database, table: string, column: string): boolean {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).some(
    (c) => c.name === column,
  );
}
