import {
  canonicalJson,
  canonicalStampedMetadata,
  hashCanonicalEventForStorage,
  type EventToAppend,
} from '@presales/event-store';
import { LedgerEntry } from './ledger.js';

/** An `events` row in the insert statement's column order. */
export type EventRowValues = [
  position: number,
  id: string,
  streamId: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  hash: string,
  ledgerHash: string | null,
];

/** Where an append continues: the stream's chain, the log's positions and the ledger. */
export interface ChainStart {
  readonly firstRevision: number;
  readonly firstPosition: number;
  /** The stream's last hash, or GENESIS_HASH. */
  readonly prevHash: string;
  /** The log's last ledger entry, or LEDGER_GENESIS. */
  readonly ledger: string;
  /** The store's time, one for the whole append. */
  readonly recordedAt: string;
}

/**
 * An append's rows, complete before the first is inserted: each event canonically serialised,
 * stamped, hashed onto its stream's chain, and the last row sealing the ledger entry. Built
 * apart from the inserts so that neither loop evicts the other's working set from the CPU
 * caches (hashing and V8's strings against SQLite's B-tree pages); it also means an event
 * that cannot be serialised is refused before anything is written. `events` is not empty
 * (appendToStream refuses an empty append). Throws what canonicalJson throws.
 */
export function chainedRows(streamId: string, events: readonly EventToAppend[], start: ChainStart): EventRowValues[] {
  const rows = new Array<EventRowValues>(events.length);
  const ledger = new LedgerEntry(start.ledger);
  let prevHash = start.prevHash;
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i]!;
    const revision = start.firstRevision + i;
    const position = start.firstPosition + i;
    const { hash, canonicalData, canonicalMetadata } = hashCanonicalEventForStorage(
      prevHash,
      streamId,
      revision,
      event.type,
      canonicalJson(event.data),
      canonicalStampedMetadata(event.metadata, start.recordedAt, prevHash),
    );
    ledger.add(position, hash);
    rows[i] = [position, event.id, streamId, revision, event.type, canonicalData, canonicalMetadata, hash, null];
    prevHash = hash;
  }
  rows[rows.length - 1]![8] = ledger.seal();
  return rows;
}
