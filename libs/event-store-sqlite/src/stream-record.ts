import { ABSENT, type StreamMetadata, type StreamState } from '@presales/event-store';
import type { StreamRow } from './schema.js';

/** A head record as the port's lifecycle sees it. No row, or a row without events: absent. */
export function toStreamState(row: StreamRow | undefined): StreamState {
  if (row === undefined) return ABSENT;
  if (row.state === 'tombstoned') return { kind: 'tombstoned' };
  if (row.last_revision === null) return ABSENT;
  return { kind: row.state, lastRevision: BigInt(row.last_revision) };
}

/** The revision and hash the stream's chain must end at, if it has events. */
export function recordedHead(row: StreamRow | undefined): { revision: bigint; hash: string } | undefined {
  return row === undefined || row.last_revision === null || row.last_hash === null
    ? undefined
    : { revision: BigInt(row.last_revision), hash: row.last_hash };
}

export function toStreamMetadata(row: StreamRow | undefined): StreamMetadata {
  return {
    ...(row?.max_count == null ? {} : { maxCount: row.max_count }),
    ...(row?.max_age_seconds == null ? {} : { maxAgeSeconds: row.max_age_seconds }),
  };
}

/**
 * What a stream read may return of a live stream: revisions from `fromRevision` (soft-delete
 * truncation and `$maxCount`) and, with `$maxAge`, only events recorded after `recordedAfter`.
 */
export interface Visibility {
  readonly fromRevision: number;
  readonly recordedAfter: string | undefined;
}

export function visibility(row: StreamRow, now: Date): Visibility {
  const lastRevision = row.last_revision ?? -1;
  const byCount = row.max_count === null ? 0 : lastRevision - row.max_count + 1;
  return {
    fromRevision: Math.max(row.truncate_before, byCount, 0),
    recordedAfter:
      row.max_age_seconds === null ? undefined : new Date(now.getTime() - row.max_age_seconds * 1000).toISOString(),
  };
}
