import { ValidationError } from '@presales/domain';
import { StreamNotFoundError } from '@presales/event-store';
import { describe, expect, it } from 'vitest';
import { RevisionOutOfRangeError, UnreadableEventError } from '../errors.js';
import { DRAFTED_LINES, REVISED_LINES } from '../testing/dispute-scenario.js';
import { storeWithDisputes } from '../testing/memory-dispute.js';
import { parseMoment } from './moment.js';
import { stateAsOf } from './state-as-of.js';

const at = (time: string) => parseMoment(time, 'test', 'at');

describe('state as of a moment', () => {
  it('folds a quote to what it was when the bid was submitted, and to what it is now', async () => {
    const store = await storeWithDisputes({ key: 'a', reviseQuoteAfterSubmission: true });
    const then = await stateAsOf(store, 'quote-Q-a', at('2026-03-14T16:00:00Z'));
    expect(then).toMatchObject({
      status: 'open',
      eventsFolded: 4,
      through: { revision: '3', recordedAt: '2026-03-03T09:00:00.000Z' },
      chain: { ok: true, events: 4 },
    });
    expect(then.derived).toMatchObject({
      kind: 'quote',
      currency: 'CNY',
      revisions: [
        { revision: 0, lines: DRAFTED_LINES, total: { amount: '14500.00', currency: 'CNY' }, marginPct: '44.83' },
      ],
    });
    expect(then.state).toMatchObject({ revisions: [{ approval: 'approved', sent: true }] });
    const now = await stateAsOf(store, 'quote-Q-a', { kind: 'head' });
    expect(now.derived).toMatchObject({
      revisions: [{ revision: 0 }, { revision: 1, lines: REVISED_LINES, total: { amount: '10600.00' } }],
    });
    expect(now.state).toMatchObject({
      revisions: [
        { approval: 'approved', sent: true },
        { approval: 'not_requested', sent: false },
      ],
    });
  });

  it('counts store time, not business time: an event claimed earlier but recorded later is not yet there', async () => {
    const store = await storeWithDisputes({
      key: 'a',
      submissionOccurredAt: '2026-03-15T11:59:00Z',
      submissionRecordedAt: '2026-03-15T12:01:00.000Z',
    });
    expect((await stateAsOf(store, 'tender-T-a', at('2026-03-15T12:00:00Z'))).status).toBe('open');
    const after = await stateAsOf(store, 'tender-T-a', at('2026-03-15T12:01:00Z'));
    expect(after.status).toBe('submitted');
    expect(after.derived).toEqual({
      kind: 'tender',
      deadline: '2026-03-15T12:00:00Z',
      submission: {
        occurredAt: '2026-03-15T11:59:00Z',
        recordedAt: '2026-03-15T12:01:00.000Z',
        claimedLate: false,
        recordedLate: true,
      },
    });
  });

  it('folds up to a revision, and names the range when the revision does not exist', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    const state = await stateAsOf(store, 'tender-T-a', parseMoment('1', 'test', 'at'));
    expect(state).toMatchObject({
      status: 'open',
      eventsFolded: 2,
      through: { revision: '1' },
      state: { work: { decision: 'bid' } },
    });
    await expect(stateAsOf(store, 'tender-T-a', parseMoment('9', 'test', 'at'))).rejects.toThrow(
      new RevisionOutOfRangeError('tender-T-a', 9n, { first: 0n, last: 5n }),
    );
  });

  it('upcasts events stored at an old schema version before folding them', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    const v1Line = {
      lineId: 'L1',
      productLine: 'erp',
      sku: 'S',
      description: 'old line',
      quantity: '2',
      unitPrice: '10',
      unitCost: '4',
    };
    await store.appendToStream('quote-old', [
      {
        id: 'old-1',
        type: 'QuoteDrafted',
        data: { quoteId: 'old', opportunityId: 'O-a', currency: 'CNY', lines: [v1Line] },
        metadata: { occurredAt: '2025-01-01T00:00:00Z', actor: { id: 's', role: 'sales' }, schemaVersion: 1 },
      },
    ]);
    const state = await stateAsOf(store, 'quote-old', { kind: 'head' });
    expect(state.derived).toMatchObject({
      revisions: [{ lines: [{ ...v1Line, discountPct: '0' }], total: { amount: '20.00' } }],
    });
  });

  it('is the initial state before the stream existed', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    expect(await stateAsOf(store, 'tender-T-a', at('2026-01-01T00:00:00Z'))).toMatchObject({
      status: 'none',
      eventsFolded: 0,
      through: null,
      state: { status: 'none' },
      chain: { ok: true, events: 0 },
    });
  });

  it('turns Maps and Sets of decider state into JSON', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    const state = await stateAsOf(store, 'consultant-C1-a', { kind: 'head' });
    expect(state.state).toMatchObject({
      assignments: { 'A1-a': { opportunityId: 'O-a', released: false } },
      timeEntryIds: ['E1-a'],
      hoursByDate: { '2026-02-03': '3' },
    });
  });

  it('reports a broken chain under the state, and refuses an edit that no longer parses, naming it', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    store.tamper('tender-T-a', 1n, (event) => ({ ...event, data: { ...event.data, score: 99 } }));
    expect((await stateAsOf(store, 'tender-T-a', { kind: 'head' })).chain).toEqual({
      ok: false,
      streamId: 'tender-T-a',
      firstBrokenRevision: '1',
      reason: 'content does not match its hash (edited)',
    });
    store.tamper('tender-T-a', 2n, (event) => ({ ...event, data: { ...event.data, dueAt: 'tomorrow' } }));
    await expect(stateAsOf(store, 'tender-T-a', { kind: 'head' })).rejects.toThrow(UnreadableEventError);
    await expect(stateAsOf(store, 'tender-T-a', { kind: 'head' })).rejects.toThrow(
      /tender-T-a@2: the stored event cannot be replayed: .*dueAt = "tomorrow"/,
    );
  });

  it('refuses streams no decider folds, and unknown streams', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    await expect(stateAsOf(store, 'audit-2026-03-01', { kind: 'head' })).rejects.toThrow(ValidationError);
    await expect(stateAsOf(store, 'tender-nope', { kind: 'head' })).rejects.toThrow(StreamNotFoundError);
  });

  it('reads a long stream only as far as the moment needs', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    const stages = ['lead', 'discovery', 'solution', 'bid', 'negotiation'] as const;
    for (let i = 0; i < 4999; i += 1) {
      store.now = new Date(Date.parse('2026-04-01T00:00:00Z') + i * 60_000);
      await store.appendToStream('opportunity-O-a', [
        {
          id: `s${i}`,
          type: 'OpportunityStageChanged',
          data: { from: stages[(i + 3) % 5]!, to: stages[(i + 4) % 5]! },
          metadata: { occurredAt: store.now.toISOString(), actor: { id: 's', role: 'sales' }, schemaVersion: 1 },
        },
      ]);
    }
    let pagesRead = 0;
    const counting = {
      readStream: (...args: Parameters<typeof store.readStream>) => ((pagesRead += 1), store.readStream(...args)),
    };
    const early = await stateAsOf(counting, 'opportunity-O-a', at('2026-04-01T00:10:00Z'));
    expect(early).toMatchObject({ eventsFolded: 13, state: { stage: 'negotiation' } });
    expect(pagesRead).toBe(1);
    const late = await stateAsOf(counting, 'opportunity-O-a', { kind: 'head' });
    expect(late).toMatchObject({ eventsFolded: 5001, state: { stage: stages[(4998 + 4) % 5] } });
  });
});
