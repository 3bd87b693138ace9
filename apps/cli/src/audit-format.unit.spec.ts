import type { DeadlineProof, StateDiff, StoreChainReport } from '@presales/audit';
import { describe, expect, it } from 'vitest';
import { diffText, proofText, searchText, storeReportText } from './audit-format.js';

const intact = { ok: true, streamId: 'tender-T-1', events: 6 } as const;

const lateProof: DeadlineProof = {
  tenderId: 'T-1',
  status: 'submitted',
  deadline: '2026-03-15T12:00:00Z',
  submission: {
    revision: '5',
    position: '42',
    eventId: 'e-1',
    occurredAt: '2026-03-15T11:59:00Z',
    recordedAt: '2026-03-15T12:01:00.000Z',
    clock: 'store',
    documentSha256: 'ab'.repeat(32),
    channel: 'portal',
    receiptRef: 'R-9',
    actor: { id: 'sales-1', role: 'sales' },
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
  },
  claimedLate: false,
  recordedLate: true,
  recordedAfterDeadlineMs: 60_000,
  verdict: 'late',
  chain: intact,
};

describe('audit answers in a terminal', () => {
  it('reads a late submission as late, with both times and how far apart', () => {
    expect(proofText(lateProof)).toBe(
      [
        'Deadline proof for tender T-1',
        '  deadline                2026-03-15T12:00:00Z',
        '  recorded (store clock)  2026-03-15T12:01:00.000Z  60.000 s after the deadline',
        '  occurred (claimed)      2026-03-15T11:59:00Z  on time by its own claim',
        '  submitted by            sales-1 (sales) via portal, receipt R-9',
        `  document SHA-256        ${'ab'.repeat(32)}`,
        `  event                   tender-T-1@5, position 42, hash ${'1'.repeat(64)}`,
        '  chain                   intact, 6 events',
        'verdict: LATE',
      ].join('\n'),
    );
    expect(
      proofText({
        ...lateProof,
        verdict: 'unproven',
        chain: {
          ok: false,
          streamId: 'tender-T-1',
          firstBrokenRevision: '5',
          reason: 'content does not match its hash (edited)',
        },
      }),
    ).toMatch(/chain +BROKEN at revision 5: content does not match its hash \(edited\)\nverdict: UNPROVEN/);
  });

  it('lists every broken stream of the store and the log findings', () => {
    const report: StoreChainReport = {
      engine: 'sqlite',
      streams: 3,
      events: 20,
      elapsedMs: 1.5,
      eventsPerSecond: 13333,
      ok: false,
      findings: [
        {
          kind: 'stream',
          streamId: 'tender-T-1',
          firstBrokenRevision: '2',
          reason: 'revision 2 is missing (deleted), found 3 next',
        },
        { kind: 'log', position: '7', reason: 'positions 7..7 are missing (deleted)' },
      ],
      findingsOmitted: 0,
    };
    expect(storeReportText(report)).toBe(
      'sqlite store: 3 streams, 20 events verified in 1.5 ms (13,333 events/s): TAMPERED\n  tender-T-1 BROKEN at revision 2: revision 2 is missing (deleted), found 3 next\n  $all log at position 7: positions 7..7 are missing (deleted)',
    );
  });

  it('shows quote lines added, changed and removed', () => {
    const line = {
      lineId: 'L3',
      productLine: 'erp',
      sku: 'T',
      description: 'Training',
      quantity: '2',
      unitPrice: '800',
      unitCost: '300',
      discountPct: '0',
    };
    const diff: StateDiff = {
      streamId: 'quote-Q-1',
      category: 'quote',
      from: {
        moment: { kind: 'time', at: '2026-03-14T16:00:00Z' },
        through: { revision: '3', position: '9', recordedAt: '2026-03-03T09:00:00.000Z', hash: 'h' },
        status: 'open',
      },
      to: {
        moment: { kind: 'head' },
        through: { revision: '4', position: '12', recordedAt: '2026-03-20T09:00:00.000Z', hash: 'h' },
        status: 'open',
      },
      events: [],
      fields: { added: [{ path: 'state.revisions[1].approval', value: 'not_requested' }], changed: [], removed: [] },
      quoteLines: {
        fromRevision: 0,
        toRevision: 1,
        added: [line],
        changed: [{ lineId: 'L1', fields: [{ field: 'unitPrice', from: '1000', to: '900' }] }],
        removed: [{ ...line, lineId: 'L2', description: 'Implementation' }],
      },
      chain: { ok: true, streamId: 'quote-Q-1', events: 5 },
    };
    expect(diffText(diff)).toBe(
      [
        'quote-Q-1 from 2026-03-14T16:00:00Z (revision 3, open) to head (revision 4, open): 0 events',
        'quote lines (revision 0 -> 1):',
        '  added    L3 T Training: 2 x 800, discount 0 %',
        '  changed  L1 unitPrice "1000" -> "900"',
        '  removed  L2 T Implementation: 2 x 800',
        'fields:',
        '  added    state.revisions[1].approval = "not_requested"',
        'chain: intact, 5 events',
      ].join('\n'),
    );
  });
});

describe('the search in a terminal', () => {
  const bid = {
    tenderId: 'T-1',
    opportunityId: 'O-1',
    kind: 'rfp',
    issuer: 'Acme Procurement',
    deadline: '2026-03-15T12:00:00.000Z',
    opportunityName: 'ERP rollout',
    customer: 'Acme',
    quoteIds: ['Q-1', 'Q-2'],
  };
  it('lists each bid with what it is, and says how to reach the next page', () => {
    const shown = searchText({ q: 'acme', page: 1, pageSize: 1, tenders: [bid], more: true });
    expect(shown).toContain('ERP rollout (O-1)');
    expect(shown).toContain('Q-1, Q-2');
    expect(shown.split('\n').at(-1)).toBe('page 1; more: --page 2');
    expect(
      searchText({ q: 'acme', page: 2, pageSize: 1, tenders: [{ ...bid, opportunityName: '' }], more: false })
        .split('\n')
        .at(-1),
    ).toBe('page 2, the last');
  });
  it('says when nothing matches', () => {
    expect(searchText({ q: 'zz', page: 1, pageSize: 20, tenders: [], more: false })).toBe('No bid matches "zz".');
  });
});
