import type Database from 'better-sqlite3';
import {
  FindingsCollector,
  StreamChainVerifier,
  StreamNotFoundError,
  type StoreVerification,
  type StreamVerification,
} from '@presales/event-store';
import { LEDGER_GENESIS, LedgerEntry } from './ledger.js';
import { toRecordedEvent } from './row-mapping.js';
import type { EventRow, StreamRow } from './schema.js';
import { recordedHead } from './stream-record.js';

/**
 * Recomputes what append wrote, straight from the rows, ignoring every visibility rule: each
 * stream's chain against its head record, and the ledger over `$all` against SQLite's own
 * record of the highest position ever assigned (docs/decisions/0007-tamper-evidence.md).
 */
export class Verifier {
  private readonly streamRow: Database.Statement<[string], StreamRow>;
  private readonly streamEvents: Database.Statement<[string], EventRow>;
  private readonly allEvents: Database.Statement<[], EventRow>;
  private readonly allStreams: Database.Statement<[], StreamRow>;
  private readonly highestPosition: Database.Statement<[], { seq: number | null }>;

  constructor(db: Database.Database) {
    this.streamRow = db.prepare('SELECT * FROM streams WHERE stream_id = ?');
    this.streamEvents = db.prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY revision');
    this.allEvents = db.prepare('SELECT * FROM events ORDER BY position');
    this.allStreams = db.prepare('SELECT * FROM streams');
    this.highestPosition = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'events'`);
  }

  verifyStream(streamId: string): StreamVerification {
    const row = this.streamRow.get(streamId);
    const verifier = new StreamChainVerifier(streamId);
    for (const event of this.streamEvents.iterate(streamId)) feed(verifier, event);
    if (row === undefined && verifier.eventsVerified === 0 && !verifier.isBroken)
      throw new StreamNotFoundError(streamId);
    verifier.expectHead(recordedHead(row));
    return verifier.verdict();
  }

  /** One pass over `$all` in position order; memory grows with the number of streams, not events. */
  verifyAll(): StoreVerification {
    const findings = new FindingsCollector();
    const chains = new Map<string, StreamChainVerifier>();
    let ledger = new LedgerEntry(LEDGER_GENESIS);
    let appendStart = 1;
    let expectedPosition = 1;
    let events = 0;
    for (const row of this.allEvents.iterate()) {
      events += 1;
      if (row.position !== expectedPosition) {
        findings.add({
          kind: 'log',
          position: BigInt(expectedPosition),
          reason: `positions ${expectedPosition}..${row.position - 1} are missing (deleted)`,
        });
      }
      ledger.add(row.position, row.hash);
      if (row.ledger_hash !== null) {
        if (ledger.seal() !== row.ledger_hash) {
          findings.add({
            kind: 'log',
            position: BigInt(appendStart),
            reason: `the append at positions ${appendStart}..${row.position} does not match the ledger: events in it or before it were deleted, inserted, moved or edited`,
          });
        }
        // Continue from the stored entry, so that one break is reported once.
        ledger = new LedgerEntry(row.ledger_hash);
        appendStart = row.position + 1;
      }
      expectedPosition = row.position + 1;
      let chain = chains.get(row.stream_id);
      if (chain === undefined) chains.set(row.stream_id, (chain = new StreamChainVerifier(row.stream_id)));
      feed(chain, row);
    }
    if (!ledger.isEmpty) {
      findings.add({
        kind: 'log',
        position: BigInt(appendStart),
        reason: `events from position ${appendStart} on belong to no ledger entry (the end of an append was deleted)`,
      });
    }
    const highest = this.highestPosition.get()?.seq ?? 0;
    if (highest >= expectedPosition) {
      findings.add({
        kind: 'log',
        position: BigInt(expectedPosition),
        reason: `positions ${expectedPosition}..${highest} were assigned but are missing (deleted at the end)`,
      });
    }
    let streams = 0;
    for (const head of this.allStreams.iterate()) {
      const chain = chains.get(head.stream_id) ?? new StreamChainVerifier(head.stream_id);
      chains.delete(head.stream_id);
      if (chain.eventsVerified === 0 && recordedHead(head) === undefined) continue; // metadata or a tombstone only
      streams += 1;
      chain.expectHead(recordedHead(head));
      findings.addStream(chain.verdict());
    }
    for (const orphan of chains.values()) {
      streams += 1;
      orphan.expectHead(undefined);
      findings.addStream(orphan.verdict());
    }
    return findings.result(streams, events);
  }
}

/** A row whose JSON no longer parses was edited by hand: a break, not a crash of the verifier. */
function feed(chain: StreamChainVerifier, row: EventRow): void {
  let event;
  try {
    event = toRecordedEvent(row);
  } catch {
    chain.markBroken(BigInt(row.revision), 'stored JSON does not parse (edited)');
    return;
  }
  chain.accept(event);
}
