import { createHash } from 'node:crypto';
import { GENESIS_HASH } from '@presales/event-store';

/** ledger_hash before the first event. */
export const LEDGER_GENESIS = GENESIS_HASH;

/**
 * Chains every event of the store in `$all` order: sha256(previous ledger hash ‖ position ‖
 * event hash). The per-stream chains (DESIGN.md decision 5) cannot see a whole stream deleted
 * with its head record, events renumbered to close the gap, or two streams' events swapped in
 * `$all`; this chain can. SQLite only: EventStoreDB assigns positions itself, so no client can
 * chain them (docs/decisions/0007-tamper-evidence.md).
 */
export function ledgerHash(previous: string, position: number, eventHash: string): string {
  return createHash('sha256').update(`${previous}:${position}:${eventHash}`).digest('hex');
}
