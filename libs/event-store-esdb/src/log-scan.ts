import { BACKWARDS, END, FORWARDS, START, type EventStoreDBClient, type ResolvedEvent } from '@eventstore/db-client';
import type { Direction, RecordedEvent } from '@presales/event-store';
import { decodeEvent, ForeignEventError } from './envelope-codec.js';
import { toPosition } from './positions.js';

/** One record of `$all` as the adapter sees it. */
export type LogEntry =
  | { readonly kind: 'event'; readonly position: bigint; readonly event: RecordedEvent }
  /** EventStoreDB's own records (metadata, tombstones, statistics, our checkpoints): never shown. */
  | { readonly kind: 'system'; readonly position: bigint }
  | { readonly kind: 'foreign'; readonly position: bigint; readonly error: ForeignEventError };

export const PAGE_SIZE = 500;

export function toLogEntry(resolved: ResolvedEvent): LogEntry | undefined {
  const position = resolved.event?.position?.commit ?? resolved.commitPosition;
  if (position === undefined) return undefined;
  try {
    const event = decodeEvent(resolved);
    return event === undefined ? { kind: 'system', position } : { kind: 'event', position, event };
  } catch (error) {
    if (error instanceof ForeignEventError) return { kind: 'foreign', position, error };
    throw error;
  }
}

/** Where a scan starts: an exact `$all` position, and whether the event there is included. */
export interface ScanStart {
  readonly position: bigint;
  readonly inclusive: boolean;
}

/**
 * `$all` page by page from `start` (undefined: the start, or the end backwards). EventStoreDB
 * reads from an exact, inclusive position (no arithmetic on positions: they are byte offsets
 * in its log), so each page re-reads the last entry of the one before, skipped here.
 */
export async function* scanLog(client: EventStoreDBClient, direction: Direction, start?: ScanStart): AsyncGenerator<LogEntry> {
  const forwards = direction === 'forwards';
  let cursor = start?.position;
  let inclusive = start?.inclusive ?? true;
  for (;;) {
    const read = client.readAll({
      direction: forwards ? FORWARDS : BACKWARDS,
      fromPosition: cursor === undefined ? (forwards ? START : END) : toPosition(cursor),
      maxCount: PAGE_SIZE,
    });
    let count = 0;
    for await (const resolved of read) {
      count += 1;
      const entry = toLogEntry(resolved);
      if (entry === undefined || (cursor !== undefined && !beyond(entry.position, cursor, forwards, inclusive))) continue;
      cursor = entry.position;
      inclusive = false;
      yield entry;
    }
    if (count < PAGE_SIZE) return;
  }
}

function beyond(position: bigint, cursor: bigint, forwards: boolean, inclusive: boolean): boolean {
  if (position === cursor) return inclusive;
  return forwards ? position > cursor : position < cursor;
}
