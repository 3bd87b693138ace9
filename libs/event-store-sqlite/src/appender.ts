import type Database from 'better-sqlite3';
import {
  checkAppend,
  DuplicateEventIdError,
  GENESIS_HASH,
  sameAppend,
  WrongExpectedVersionError,
  type AppendResult,
  type EventToAppend,
  type ExpectedRevision,
} from '@presales/event-store';
import { chainedRows } from './chained-rows.js';
import { LEDGER_GENESIS } from './ledger.js';
import { prepareLogWrites, type LogWrites } from './log-writes.js';
import type { EventRow, StreamRow } from './schema.js';
import { toStreamState } from './stream-record.js';

/** Raised inside the transaction when an id is already recorded; resolved outside it. */
class EventIdAlreadyRecorded extends Error {}

/** One caller's append, as `appendToStream` received it. */
export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
  readonly expected: ExpectedRevision;
}

/** What became of one append of a group: its result, or the error its caller gets. */
export type AppendOutcome =
  { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

/**
 * Appends under SQLite's write lock. The fast path reads the stream head and the log tail,
 * checks the expected revision, and inserts; it looks up no event ids, because the UNIQUE
 * index on `id` already refuses a reused one. Only when that happens, or the expected revision
 * does not match, does it look for an earlier identical append (an idempotent retry).
 */
export class Appender {
  private readonly writes: LogWrites;
  private readonly eventsByIds: Database.Statement<[string], EventRow & { slot: number }>;
  private readonly appendAllLocked: (requests: readonly AppendRequest[]) => AppendOutcome[];

  constructor(
    db: Database.Database,
    private readonly clock: () => Date,
  ) {
    this.writes = prepareLogWrites(db);
    // One query for any batch size: the ids travel as one JSON array.
    this.eventsByIds = db.prepare(
      'SELECT e.*, CAST(j.key AS INTEGER) AS slot FROM json_each(?) AS j JOIN events AS e ON e.id = j.value',
    );
    // Called inside the group's transaction, each append is a savepoint of its own: one refused
    // append is rolled back alone, and the others of the group are still written.
    const one = db.transaction((request: AppendRequest) =>
      this.appendInTransaction(request.streamId, request.events, request.expected),
    );
    const all = db.transaction((requests: readonly AppendRequest[]) =>
      requests.map((request): AppendOutcome => {
        try {
          return { ok: true, result: one(request) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
    // IMMEDIATE takes the write lock before the expected-revision checks: racing writers,
    // in this process or another, serialise here and exactly one sees the revision it expected.
    this.appendAllLocked = (requests) => all.immediate(requests);
  }

  /**
   * Several callers' appends in one transaction, in the order given, so one commit (one fsync
   * under synchronous=FULL) makes them all durable: each is checked and written as if alone, after
   * the ones before it. Nothing is answered before the commit; if the commit fails, every append
   * of the group fails with it.
   */
  appendAll(requests: readonly AppendRequest[]): AppendOutcome[] {
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.appendAllLocked(requests);
    } catch (error) {
      return requests.map(() => ({ ok: false, error }));
    }
    return outcomes.map((outcome, i) => {
      if (
        outcome.ok ||
        !(outcome.error instanceof WrongExpectedVersionError || outcome.error instanceof EventIdAlreadyRecorded)
      )
        return outcome;
      const { streamId, events, expected } = requests[i]!;
      try {
        return { ok: true, result: this.resolveConflict(streamId, events, expected, outcome.error) };
      } catch (error) {
        return { ok: false, error };
      }
    });
  }

  private appendInTransaction(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): AppendResult {
    const head = this.writes.streamRow.get(streamId);
    const continuesAfter = checkAppend(streamId, expected, toStreamState(head));
    const tail = this.writes.logTail.get()!;
    const rows = chainedRows(streamId, events, {
      firstRevision: continuesAfter === undefined ? 0 : Number(continuesAfter) + 1,
      firstPosition: (tail.seq ?? 0) + 1,
      prevHash: head?.last_hash ?? GENESIS_HASH,
      ledger: tail.ledger_hash ?? LEDGER_GENESIS,
      recordedAt: this.clock().toISOString(),
    });
    for (let i = 0; i < rows.length; i += 1) {
      try {
        this.writes.insert.run(...rows[i]!);
      } catch (error) {
        if (isUniqueViolation(error, 'events.id')) throw new EventIdAlreadyRecorded();
        throw error;
      }
    }
    const [position, , , revision, , , , hash] = rows[rows.length - 1]!; // appendToStream refuses an empty append
    this.writes.upsertHead.run(streamId, revision, hash);
    return { nextExpectedRevision: BigInt(revision), position: BigInt(position) };
  }

  /**
   * A retry of an append that already happened: every id recorded, in this stream, at
   * consecutive revisions, with the same content, where the expected revision puts them.
   * Then it succeeds again without writing. Any other reuse of an id is an error, never a
   * silent merge; a conflict involving none of these ids stays a wrong expected version.
   */
  private resolveConflict(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
    conflict: WrongExpectedVersionError | EventIdAlreadyRecorded,
  ): AppendResult {
    const found = new Map(this.eventsByIds.all(JSON.stringify(events.map((e) => e.id))).map((row) => [row.slot, row]));
    if (found.size === 0 && conflict instanceof WrongExpectedVersionError) throw conflict;
    const rows = events.map((_, slot) => found.get(slot));
    const mismatch = events.findIndex((event, i) => {
      const row = rows[i];
      return (
        row === undefined ||
        row.stream_id !== streamId ||
        (i > 0 && row.revision !== rows[i - 1]!.revision + 1) ||
        !sameContent(row, event)
      );
    });
    if (mismatch !== -1) throw new DuplicateEventIdError(events[mismatch]!.id, streamId);
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    if (!placedAsExpected(first.revision, expected, this.writes.streamRow.get(streamId))) {
      if (conflict instanceof WrongExpectedVersionError) throw conflict;
      throw new DuplicateEventIdError(events[0]!.id, streamId);
    }
    return { nextExpectedRevision: BigInt(last.revision), position: BigInt(last.position) };
  }
}

/** Whether a batch recorded from `firstRevision` is where `expected` would have put it. */
function placedAsExpected(firstRevision: number, expected: ExpectedRevision, head: StreamRow | undefined): boolean {
  if (expected === 'any' || expected === 'stream_exists') return true;
  if (expected === 'no_stream') return firstRevision === 0 || firstRevision === head?.truncate_before;
  return BigInt(firstRevision) === expected + 1n;
}

/** A recorded row read back as the event a writer appended (sameAppend compares the two). */
function sameContent(row: EventRow, event: EventToAppend): boolean {
  return sameAppend(
    {
      type: row.type,
      data: JSON.parse(row.data),
      metadata: JSON.parse(row.metadata) as { recordedAt: string; prevHash: string },
    },
    event,
  );
}

function isUniqueViolation(error: unknown, column: string): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes(column)
  );
}
