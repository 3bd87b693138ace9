import type Database from 'better-sqlite3';
import type { EventRowValues } from './chained-rows.js';
import type { StreamRow } from './schema.js';

/**
 * The statements every writer of the log runs — the appender and the restorer: the stream's
 * head, the log's tail (next position and ledger hash), the event row and the head's upsert.
 * One text each, so the two writers cannot drift apart from each other or from the schema.
 */
export interface LogWrites {
  readonly streamRow: Database.Statement<[string], StreamRow>;
  readonly logTail: Database.Statement<[], { seq: number | null; ledger_hash: string | null }>;
  readonly insert: Database.Statement<EventRowValues>;
  readonly upsertHead: Database.Statement<[string, number, string]>;
}

export function prepareLogWrites(db: Database.Database): LogWrites {
  return {
    streamRow: db.prepare('SELECT * FROM streams WHERE stream_id = ?'),
    logTail: db.prepare(
      `SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'events') AS seq,
              (SELECT ledger_hash FROM events WHERE ledger_hash IS NOT NULL ORDER BY position DESC LIMIT 1) AS ledger_hash`,
    ),
    insert: db.prepare(
      'INSERT INTO events (position, id, stream_id, revision, type, data, metadata, hash, ledger_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    upsertHead: db.prepare(
      `INSERT INTO streams (stream_id, state, last_revision, last_hash) VALUES (?, 'live', ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET state = 'live', last_revision = excluded.last_revision, last_hash = excluded.last_hash`,
    ),
  };
}
