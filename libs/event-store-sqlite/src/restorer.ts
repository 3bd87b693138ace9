import type Database from 'better-sqlite3';
import { canonicalJson, GENESIS_HASH, hashCanonicalEvent, type RecordedEvent } from '@presales/event-store';
import { LEDGER_GENESIS, LedgerEntry } from './ledger.js';
import type { EventRow, StreamRow } from './schema.js';

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
    super(`restore refused at ${streamId}@${revision} (event ${eventId}): ${reason}; nothing of this batch was written`);
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
  private readonly streamRow: Database.Statement<[string], StreamRow>;
  private readonly eventById: Database.Statement<[string], EventRow>;
  private readonly logTail: Database.Statement<[], { seq: number | null; ledger_hash: string | null }>;
  private readonly insert: Database.Statement<[number, string, string, number, string, string, string, string, string]>;
  private readonly upsertHead: Database.Statement<[string, number, string]>;
  private readonly restoreLocked: (events: readonly RecordedEvent[]) => RestoreResult;

  constructor(db: Database.Database) {
    this.streamRow = db.prepare('SELECT * FROM streams WHERE stream_id = ?');
    this.eventById = db.prepare('SELECT * FROM events WHERE id = ?');
    this.logTail = db.prepare(
      `SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'events') AS seq,
              (SELECT ledger_hash FROM events WHERE ledger_hash IS NOT NULL ORDER BY position DESC LIMIT 1) AS ledger_hash`,
    );
    this.insert = db.prepare(
      'INSERT INTO events (position, id, stream_id, revision, type, data, metadata, hash, ledger_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.upsertHead = db.prepare(
      `INSERT INTO streams (stream_id, state, last_revision, last_hash) VALUES (?, 'live', ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET state = 'live', last_revision = excluded.last_revision, last_hash = excluded.last_hash`,
    );
    const transaction = db.transaction((events: readonly RecordedEvent[]) => this.restoreInTransaction(events));
    this.restoreLocked = (events) => transaction.immediate(events);
  }

  restore(events: readonly RecordedEvent[]): RestoreResult {
    return this.restoreLocked(events);
  }

  private restoreInTransaction(events: readonly RecordedEvent[]): RestoreResult {
    const tail = this.logTail.get()!;
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
        if (existing.stream_id === event.streamId && BigInt(existing.revision) === event.revision && existing.hash === event.metadata.hash) {
          alreadyPresent += 1;
          continue;
        }
        throw refuse(`the id is already recorded as ${existing.stream_id}@${existing.revision} with another hash`);
      }
      const head = heads.get(event.streamId) ?? this.headOf(event.streamId);
      if (head === 'tombstoned') throw refuse('the stream is tombstoned here');
      const nextRevision = head === undefined ? 0 : head.revision + 1;
      if (event.revision !== BigInt(nextRevision)) throw refuse(`revision ${event.revision} does not follow this store's stream, whose next revision is ${nextRevision}`);
      const expectedPrev = head?.hash ?? GENESIS_HASH;
      const { hash, ...withoutHash } = event.metadata;
      if (withoutHash.prevHash !== expectedPrev) throw refuse('prevHash is not the hash of the stream\'s last event here');
      const data = canonicalJson(event.data);
      const metadata = canonicalJson(withoutHash);
      if (hashCanonicalEvent(expectedPrev, event.streamId, event.revision, event.type, data, metadata) !== hash) {
        throw refuse('the recorded hash does not match the event\'s content');
      }
      position += 1;
      // Each restored event is a ledger entry of its own (ledger.ts).
      const entry = new LedgerEntry(ledger);
      entry.add(position, hash);
      ledger = entry.seal();
      this.insert.run(position, event.id, event.streamId, Number(event.revision), event.type, data, metadata, hash, ledger);
      this.upsertHead.run(event.streamId, Number(event.revision), hash);
      heads.set(event.streamId, { revision: Number(event.revision), hash });
      restored += 1;
    }
    return { restored, alreadyPresent, position: BigInt(position) };
  }

  private headOf(streamId: string): { revision: number; hash: string } | 'tombstoned' | undefined {
    const row = this.streamRow.get(streamId);
    if (row === undefined || row.last_revision === null || row.last_hash === null) return undefined;
    if (row.state === 'tombstoned') return 'tombstoned';
    return { revision: row.last_revision, hash: row.last_hash };
  }
}
