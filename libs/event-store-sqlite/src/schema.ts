/**
 * The SQLite system of record, schema version 1.
 *
 * `events.position` is the `$all` position: AUTOINCREMENT so that a position is never reused,
 * and SQLite's own `sqlite_sequence` remembers the highest one ever assigned (which is how
 * verification notices deleted rows at the end of the log). `(stream_id, revision)` is unique,
 * which is what makes two racing writers conflict instead of interleave. `data` and `metadata`
 * hold the canonical JSON that was hashed; `metadata` excludes `hash`, kept in its own column.
 * `ledger_hash` is set on the last event of each append and chains the appends (ledger.ts).
 *
 * `streams` holds one head record per stream, written in the same transaction as the events:
 * its lifecycle state, the revision and hash its chain must end at (so deleting a stream's last
 * events is detectable), and the stream metadata honoured on read.
 */
export const SCHEMA_VERSION = 1;

export const CREATE_EVENTS = `CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT    NOT NULL UNIQUE,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  hash        TEXT    NOT NULL,
  ledger_hash TEXT,
  UNIQUE (stream_id, revision)
)`;

export const CREATE_STREAMS = `CREATE TABLE IF NOT EXISTS streams (
  stream_id       TEXT    PRIMARY KEY,
  state           TEXT    NOT NULL CHECK (state IN ('live', 'soft_deleted', 'tombstoned')),
  last_revision   INTEGER,
  last_hash       TEXT,
  truncate_before INTEGER NOT NULL DEFAULT 0,
  max_count       INTEGER,
  max_age_seconds INTEGER,
  CHECK ((last_revision IS NULL) = (last_hash IS NULL))
) WITHOUT ROWID`;

export const CREATE_CHECKPOINTS = `CREATE TABLE IF NOT EXISTS checkpoints (
  subscriber_id TEXT    PRIMARY KEY,
  position      INTEGER NOT NULL,
  updated_at    TEXT    NOT NULL
)`;

export interface EventRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  hash: string;
  /** Only on the last event of an append. */
  ledger_hash: string | null;
}

export type StreamLifecycle = 'live' | 'soft_deleted' | 'tombstoned';

export interface StreamRow {
  stream_id: string;
  state: StreamLifecycle;
  last_revision: number | null;
  last_hash: string | null;
  truncate_before: number;
  max_count: number | null;
  max_age_seconds: number | null;
}
