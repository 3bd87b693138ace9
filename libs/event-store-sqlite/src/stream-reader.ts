import type Database from 'better-sqlite3';
import {
  StreamDeletedError,
  StreamNotFoundError,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@presales/event-store';
import { STREAM_EVENT_COLUMNS, tupleToRecordedEvent, type StreamEventTuple } from './row-mapping.js';
import type { StreamRow } from './schema.js';
import { visibility } from './stream-record.js';

const NO_LIMIT = -1; // SQLite's LIMIT -1: all rows

/** Stream reads with EventStoreDB's visibility rules: soft deletes, tombstones, `$maxCount`, `$maxAge`. */
export class StreamReader {
  private readonly streamRow: Database.Statement<[string], StreamRow>;
  private readonly forwards: Database.Statement<[string, number, number], StreamEventTuple>;
  private readonly backwards: Database.Statement<[string, number, number, number], StreamEventTuple>;

  constructor(
    db: Database.Database,
    private readonly clock: () => Date,
  ) {
    this.streamRow = db.prepare('SELECT * FROM streams WHERE stream_id = ?');
    this.forwards = db
      .prepare<[string, number, number], StreamEventTuple>(
        `SELECT ${STREAM_EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
      )
      .raw();
    this.backwards = db
      .prepare<[string, number, number, number], StreamEventTuple>(
        `SELECT ${STREAM_EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? AND revision >= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw();
  }

  read(streamId: string, options: ReadStreamOptions): RecordedEvent[] {
    const row = this.streamRow.get(streamId);
    if (row?.state === 'tombstoned') throw new StreamDeletedError(streamId);
    if (row === undefined || row.state === 'soft_deleted' || row.last_revision === null)
      throw new StreamNotFoundError(streamId);
    const visible = visibility(row, this.clock());
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    // With $maxAge some rows are dropped after the query, so the query cannot apply maxCount.
    const limit = visible.recordedAfter === undefined ? maxCount : NO_LIMIT;
    const rows =
      options.direction === 'backwards'
        ? this.backwards.all(
            streamId,
            Number(options.fromRevision ?? BigInt(row.last_revision)),
            visible.fromRevision,
            limit,
          )
        : this.forwards.all(streamId, Math.max(Number(options.fromRevision ?? 0n), visible.fromRevision), limit);
    const events = rows.map((tuple) => tupleToRecordedEvent(streamId, tuple));
    if (visible.recordedAfter === undefined) return events;
    const recordedAfter = visible.recordedAfter;
    return events.filter((event) => event.metadata.recordedAt > recordedAfter).slice(0, maxCount);
  }
}
