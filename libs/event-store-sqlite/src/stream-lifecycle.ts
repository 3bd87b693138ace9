import type Database from 'better-sqlite3';
import {
  assertValidStreamMetadata,
  checkDelete,
  StreamDeletedError,
  type Deletion,
  type ExpectedRevision,
  type StreamMetadata,
} from '@presales/event-store';
import type { StreamRow } from './schema.js';
import { toStreamMetadata, toStreamState } from './stream-record.js';

/**
 * Soft deletes, tombstones and stream metadata: changes to a stream's head record only. No
 * event row is ever removed, so `$all`, verification and exports keep every event, as
 * EventStoreDB keeps them until a scavenge (which this store never does).
 */
export class StreamLifecycle {
  private readonly streamRow: Database.Statement<[string], StreamRow>;
  private readonly softDelete: Database.Statement<[string]>;
  private readonly tombstone: Database.Statement<[string]>;
  private readonly setMetadata: Database.Statement<[string, number | null, number | null]>;
  private readonly deleteLocked: (streamId: string, deletion: Deletion, expected: ExpectedRevision) => void;
  private readonly replaceLocked: (streamId: string, metadata: StreamMetadata) => void;

  constructor(db: Database.Database) {
    this.streamRow = db.prepare('SELECT * FROM streams WHERE stream_id = ?');
    // Like EventStoreDB, a soft delete truncates before the next revision and drops the metadata.
    this.softDelete = db.prepare(
      `UPDATE streams SET state = 'soft_deleted', truncate_before = last_revision + 1, max_count = NULL, max_age_seconds = NULL WHERE stream_id = ?`,
    );
    this.tombstone = db.prepare(
      `INSERT INTO streams (stream_id, state) VALUES (?, 'tombstoned') ON CONFLICT (stream_id) DO UPDATE SET state = 'tombstoned'`,
    );
    // As in EventStoreDB, writing metadata of a soft-deleted stream brings it back, empty:
    // its old events stay truncated, reads succeed again.
    this.setMetadata = db.prepare(
      `INSERT INTO streams (stream_id, state, max_count, max_age_seconds) VALUES (?, 'live', ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET state = 'live', max_count = excluded.max_count, max_age_seconds = excluded.max_age_seconds`,
    );
    const transaction = db.transaction((streamId: string, deletion: Deletion, expected: ExpectedRevision) => {
      checkDelete(streamId, deletion, expected, toStreamState(this.streamRow.get(streamId)));
      (deletion === 'soft' ? this.softDelete : this.tombstone).run(streamId);
    });
    this.deleteLocked = (streamId, deletion, expected) => transaction.immediate(streamId, deletion, expected);
    const replace = db.transaction((streamId: string, metadata: StreamMetadata) => {
      if (this.streamRow.get(streamId)?.state === 'tombstoned') throw new StreamDeletedError(streamId);
      this.setMetadata.run(streamId, metadata.maxCount ?? null, metadata.maxAgeSeconds ?? null);
    });
    this.replaceLocked = (streamId, metadata) => replace.immediate(streamId, metadata);
  }

  delete(streamId: string, deletion: Deletion, expected: ExpectedRevision): void {
    this.deleteLocked(streamId, deletion, expected);
  }

  metadata(streamId: string): StreamMetadata {
    return toStreamMetadata(this.streamRow.get(streamId));
  }

  replaceMetadata(streamId: string, metadata: StreamMetadata): void {
    assertValidStreamMetadata(streamId, metadata);
    this.replaceLocked(streamId, metadata);
  }
}
