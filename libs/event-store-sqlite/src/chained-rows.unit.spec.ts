import { describe, expect, it } from 'vitest';
import { canonicalJson, eventHash, GENESIS_HASH, stampMetadata } from '@presales/event-store';
import { anEvent } from '@presales/event-store/testing';
import { chainedRows } from './chained-rows.js';
import { LEDGER_GENESIS, LedgerEntry } from './ledger.js';

const recordedAt = '2026-02-01T09:00:00.000Z';

describe('chainedRows', () => {
  it('chains each event onto the one before and stores exactly the canonical texts it hashed', () => {
    const events = [anEvent('A', { b: 1, a: 'x' }), anEvent('B', { n: [1, { z: 2, y: null }] }), anEvent('C')];
    const rows = chainedRows('tender-1', events, {
      firstRevision: 4,
      firstPosition: 10,
      prevHash: 'f'.repeat(64),
      ledger: LEDGER_GENESIS,
      recordedAt,
    });

    let prevHash = 'f'.repeat(64);
    rows.forEach(([position, id, streamId, revision, type, data, metadata, hash], i) => {
      const event = events[i]!;
      const stamped = stampMetadata(event.metadata, recordedAt, prevHash);
      expect([position, id, streamId, revision, type]).toEqual([10 + i, event.id, 'tender-1', 4 + i, event.type]);
      expect(data).toBe(canonicalJson(event.data));
      expect(metadata).toBe(canonicalJson(stamped));
      expect(hash).toBe(
        eventHash({
          streamId: 'tender-1',
          revision: BigInt(4 + i),
          type: event.type,
          data: event.data,
          metadata: stamped,
        }),
      );
      prevHash = hash;
    });
  });

  it('seals the ledger entry of the whole append on its last row only', () => {
    const rows = chainedRows('tender-1', [anEvent('A'), anEvent('B')], {
      firstRevision: 0,
      firstPosition: 1,
      prevHash: GENESIS_HASH,
      ledger: 'e'.repeat(64),
      recordedAt,
    });
    const entry = new LedgerEntry('e'.repeat(64));
    for (const row of rows) entry.add(row[0], row[7]);
    expect(rows.map((row) => row[8])).toEqual([null, entry.seal()]);
  });

  it('refuses an event that is not JSON before returning any row', () => {
    const events = [anEvent('A'), anEvent('B', { amount: 10n })];
    expect(() =>
      chainedRows('tender-1', events, {
        firstRevision: 0,
        firstPosition: 1,
        prevHash: GENESIS_HASH,
        ledger: LEDGER_GENESIS,
        recordedAt,
      }),
    ).toThrow(TypeError);
  });
});
