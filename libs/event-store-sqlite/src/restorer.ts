import type Database from 'better-sqlite3';
import { canonicalJson, GENESIS_HASH, hashCanonicalEvent, type RecordedEvent } from '@presales/event-store';
import { LEDGER_GENESIS, LedgerEntry } from './ledger.js';
import { prepareLogWrites, type LogWrites } from './log-writes.js';
import type { EventRow } from './schema.js';

export interface RestoreResult {
  /** Events written by this call. */
  readonly restored: number;
  /** Events whose id was already recorded with the same hash at the same place: a re-run. */
  readonly alreadyPresent: number;
  /** `$all` position of the last event written, or of the store's head when nothing was. */
  readonly position: bigint;
}

/** An event of a restore does not continue its stream's chain in this store, or its hash does not match its content. */
export class RestoreRefusedError extends Error {
  constructor(
    readonly eventId: string,
    readonly streamId: string,
    readonly revision: bigint,
    readonly reason: string,
  ) {
    super(
      `restore refused at ${streamId}@${revision} (event ${eventId}): ${reason}; nothing of this batch was written`,
    );
    this.name = 'RestoreRefusedError';
  }
}

/**
 * Writes already-recorded events (from a verified export) with their own recordedAt and hashes
 * (DESIGN.md decision 4's restore exception). Nothing is taken on trust: every event must be the
 * next revision of its stream here, name the stream's current head hash as prevHash, and hash to
 * its recorded hash. Positions are this store's (the next ones, in the order given) and the
 * ledger chains them as for any append. One transaction per call: all of the batch or nothing.
 */
export class Restorer {
  private readonly writes: LogWrites;
  private readonly eventById: Database.Statement<[string], EventRow>;
  private readonly restoreLocked: (events: readonly RecordedEvent[]) => RestoreResult;

  constructor(db: Database.Database) {
    this.writes = prepareLogWrites(db);
    this.eventById = db.prepare('SELECT * FROM events WHERE id = ?');
    const transaction = db.transaction((events: readonly RecordedEvent[]) => this.restoreInTransaction(events));
    this.restoreLocked = (events) => transaction.immediate(events);
  }

  restore(events: readonly RecordedEvent[]): RestoreResult {
    return this.restoreLocked(events);
  }

  private restoreInTransaction(events: readonly RecordedEvent[]): RestoreResult {
    const tail = this.writes.logTail.get()!;
    let position = tail.seq ?? 0;
    let ledger = tail.ledger_hash ?? LEDGER_GENESIS;
    let restored = 0;
    let alreadyPresent = 0;
    // Heads as this batch leaves them, so consecutive events of one stream chain onto each other.
    const heads = new Map<string, { revision: number; hash: string } | 'tombstoned'>();
    for (const event of events) {
      const refuse = (reason: string) => new RestoreRefusedError(event.id, event.streamId, event.revision, reason);
      const existing = this.eventById.get(event.id);
      if (existing !== undefined) {
        if (
          existing.stream_id === event.streamId &&
          BigInt(existing.revision) === event.revision &&
          existing.hash === event.metadata.hash
        ) {
          alreadyPresent += 1;
          continue;
        }
        throw refuse(`the id is already recorded as ${existing.stream_id}@${existing.revision} with another hash`);
      }
      const head = heads.get(event.streamId) ?? this.headOf(event.streamId);
      if (head === 'tombstoned') throw refuse('the stream is tombstoned here');
      const nextRevision = head === undefined ? 0 : head.revision + 1;
      if (event.revision !== BigInt(nextRevision))
        throw refuse(
          `revision ${event.revision} does not follow this store's stream, whose next revision is ${nextRevision}`,
        );
      const expectedPrev = head?.hash ?? GENESIS_HASH;
      const { hash, ...withoutHash } = event.metadata;
      if (withoutHash.prevHash !== expectedPrev)
        throw refuse("prevHash is not the hash of the stream's last event here");
      const data = canonicalJson(event.data);
      const metadata = canonicalJson(withoutHash);
      if (hashCanonicalEvent(expectedPrev, event.streamId, event.revision, event.type, data, metadata) !== hash) {
        throw refuse("the recorded hash does not match the event's content");
      }
      position += 1;
      // Each restored event is a ledger entry of its own (ledger.ts).
      const entry = new LedgerEntry(ledger);
      entry.add(position, hash);
      ledger = entry.seal();
      this.writes.insert.run(
        position,
        event.id,
        event.streamId,
        Number(event.revision),
        event.type,
        data,
        metadata,
        hash,
        ledger,
      );
      this.writes.upsertHead.run(event.streamId, Number(event.revision), hash);
      heads.set(event.streamId, { revision: Number(event.revision), hash });
      restored += 1;
    }
    return { restored, alreadyPresent, position: BigInt(position) };
  }

  private headOf(streamId: string): { revision: number; hash: string } | 'tombstoned' | undefined {
    const row = this.writes.streamRow.get(streamId);
    if (row === undefined || row.last_revision === null || row.last_hash === null) return undefined;
    if (row.state === 'tombstoned') return 'tombstoned';
    return { revision: row.last_revision, hash: row.last_hash };
  }
}
