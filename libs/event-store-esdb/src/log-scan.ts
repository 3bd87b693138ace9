import { BACKWARDS, END, FORWARDS, START, type EventStoreDBClient, type ResolvedEvent } from '@eventstore/db-client';
import type { Direction, RecordedEvent } from '@presales/event-store';
import { drain } from './drain.js';
import { decodeEvent, ForeignEventError } from './envelope-codec.js';
import { toPosition } from './positions.js';

/** One record of `$all` as the adapter sees it. */
export type LogEntry =
  | { readonly kind: 'event'; readonly position: bigint; readonly event: RecordedEvent }
  /** EventStoreDB's own records (metadata, tombstones, statistics, our checkpoints): never shown. */
  | { readonly kind: 'system'; readonly position: bigint }
  /** A user event Presales Ledger did not write: skipped by reads and subscriptions, reported by verifyAll. */
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

/** Where a scan starts: at a position the store returned (inclusive), or past it. */
export type ScanStart =
  { readonly kind: 'from'; readonly position: bigint } | { readonly kind: 'after'; readonly position: bigint };

async function readPage(
  client: EventStoreDBClient,
  direction: Direction,
  position: bigint | undefined,
  count: number,
): Promise<{ entries: LogEntry[]; read: number }> {
  const forwards = direction === 'forwards';
  const page = await drain(
    client.readAll({
      direction: forwards ? FORWARDS : BACKWARDS,
      fromPosition: position === undefined ? (forwards ? START : END) : toPosition(position),
      maxCount: count,
    }),
  );
  return { entries: page.flatMap((resolved) => toLogEntry(resolved) ?? []), read: page.length };
}

/**
 * `$all` page by page from `start` (undefined: the start, or the end backwards). Positions are
 * byte offsets in the server's log, so there is no arithmetic on them: a forwards read from P
 * includes the record at P (AllReader: `>= pos`), and a backwards read takes P as a
 * post-position and returns only what lies before it (AllReader.ReadAllEventsBackwardInternal),
 * so an inclusive backwards scan fetches the record at P with a forwards read of one first.
 * Each page is read whole (see drain.ts) and starts where the one before ended.
 */
export async function* scanLog(
  client: EventStoreDBClient,
  direction: Direction,
  start?: ScanStart,
): AsyncGenerator<LogEntry> {
  const forwards = direction === 'forwards';
  let cursor = start?.position;
  let inclusive = start?.kind !== 'after';
  if (start?.kind === 'from' && !forwards) {
    const { entries } = await readPage(client, 'forwards', start.position, 1);
    const at = entries[0];
    if (at !== undefined && at.position === start.position) yield at;
    inclusive = false;
  }
  for (;;) {
    const { entries, read } = await readPage(client, direction, cursor, PAGE_SIZE);
    for (const entry of entries) {
      if (cursor !== undefined && !beyond(entry.position, cursor, forwards, inclusive)) continue;
      cursor = entry.position;
      inclusive = false;
      yield entry;
    }
    if (read < PAGE_SIZE) return;
  }
}

function beyond(position: bigint, cursor: bigint, forwards: boolean, inclusive: boolean): boolean {
  if (position === cursor) return inclusive;
  return forwards ? position > cursor : position < cursor;
}
