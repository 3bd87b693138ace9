/**
 * The SQLite system of record. `position` is the `$all` position: AUTOINCREMENT so that a
 * position is never reused, even after rows are removed. (stream_id, revision) is unique,
 * which is what makes two racing writers conflict instead of interleave.
 */
export const SCHEMA_STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS events (
     position    INTEGER PRIMARY KEY AUTOINCREMENT,
     id          TEXT    NOT NULL UNIQUE,
     stream_id   TEXT    NOT NULL,
     revision    INTEGER NOT NULL,
     type        TEXT    NOT NULL,
     data        TEXT    NOT NULL,
     metadata    TEXT    NOT NULL,
     hash        TEXT    NOT NULL,
     UNIQUE (stream_id, revision)
   )`,
  `CREATE TABLE IF NOT EXISTS checkpoints (
     subscriber_id TEXT    PRIMARY KEY,
     position      INTEGER NOT NULL,
     updated_at    TEXT    NOT NULL
   )`,
] as const;

export interface EventRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}
