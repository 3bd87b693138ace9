import { hash } from 'node:crypto';
import { GENESIS_HASH } from '@presales/event-store';

/** The ledger entry before the first append. */
export const LEDGER_GENESIS = GENESIS_HASH;

/**
 * The ledger chains every append of the store in `$all` order. Each append's last event row
 * carries its entry: sha256(previous entry ‖ "|position:hash" for each of its events); the
 * other rows of the append carry none. The per-stream chains (DESIGN.md decision 5) cannot
 * see a whole stream deleted with its head record, events renumbered to close the gap, or two
 * streams' events swapped in `$all`; the ledger can. One hash per append rather than per
 * event, because hashing is most of what an append costs beyond the insert itself.
 * SQLite only: EventStoreDB assigns positions itself (docs/decisions/0007-tamper-evidence.md).
 */
export class LedgerEntry {
  private body: string;

  constructor(previous: string) {
    this.body = previous;
  }

  add(position: number, eventHash: string): void {
    this.body += `|${position}:${eventHash}`;
  }

  get isEmpty(): boolean {
    return !this.body.includes('|');
  }

  seal(): string {
    return hash('sha256', this.body, 'hex');
  }
}
