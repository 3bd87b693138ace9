import { NotFoundError } from '@presales/domain';
import { describe, expect, it } from 'vitest';
import { storeWithDisputes } from '../testing/memory-dispute.js';
import { bidHistory } from './bid-history.js';

describe('history of a bid', () => {
  it('merges the tender and every linked stream in $all order, and nothing unrelated', async () => {
    const store = await storeWithDisputes({ key: 'a', reviseQuoteAfterSubmission: true }, { key: 'b' });
    const history = await bidHistory(store, 'T-a');
    expect(history.opportunityId).toBe('O-a');
    expect(history.streams.map((s) => [s.streamId, s.link])).toEqual([
      ['tender-T-a', 'tender'],
      ['opportunity-O-a', 'opportunity'],
      ['quote-Q-a', 'quote'],
      ['warroom-W-a', 'warroom'],
      ['consultant-C1-a', 'assignment'],
      ['consultant-C2-a', 'assignment'],
    ]);
    expect(history.events.map((e) => `${e.streamId}:${e.type}`)).toEqual([
      'opportunity-O-a:OpportunityRegistered',
      'tender-T-a:TenderReceived',
      'opportunity-O-a:OpportunityStageChanged',
      'consultant-C1-a:ConsultantAssigned',
      'consultant-C2-a:ConsultantAssigned',
      'warroom-W-a:WarRoomOpened',
      'tender-T-a:BidDecisionMade',
      'tender-T-a:ResponseSectionAssigned',
      'tender-T-a:ResponseSectionDrafted',
      'quote-Q-a:QuoteDrafted',
      'quote-Q-a:QuoteApprovalRequested',
      'quote-Q-a:QuoteApproved',
      'quote-Q-a:QuoteSentToCustomer',
      'tender-T-a:ReviewHeld',
      'tender-T-a:BidSubmitted',
      'quote-Q-a:QuoteRevised',
    ]);
    const positions = history.events.map((e) => BigInt(e.position));
    expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : 1)));
    expect(history.streams.every((s) => s.readable && s.chain.ok)).toBe(true);
  });

  it('carries every stamp of each event: actor, both times, revision, position and hashes', async () => {
    const store = await storeWithDisputes({
      key: 'a',
      submissionRecordedAt: '2026-03-15T12:01:00.000Z',
      submissionOccurredAt: '2026-03-15T11:59:00Z',
    });
    const submitted = (await bidHistory(store, 'T-a')).events.find((e) => e.type === 'BidSubmitted')!;
    const stored = store.log.find((e) => e.type === 'BidSubmitted')!;
    expect(submitted).toMatchObject({
      link: 'tender',
      actor: { id: 'sales-1', role: 'sales' },
      occurredAt: '2026-03-15T11:59:00Z',
      recordedAt: '2026-03-15T12:01:00.000Z',
      revision: '5',
      position: stored.position.toString(),
      hash: stored.metadata.hash,
      prevHash: stored.metadata.prevHash,
    });
  });

  it("keeps a consultant's other events out but verifies their whole stream", async () => {
    const store = await storeWithDisputes({ key: 'a' });
    const history = await bidHistory(store, 'T-a');
    expect(history.events.some((e) => e.type === 'TimeLogged' || e.type === 'ConsultantOnboarded')).toBe(false);
    expect(history.streams.find((s) => s.streamId === 'consultant-C1-a')).toMatchObject({
      eventsInHistory: 1,
      chain: { ok: true, events: 3 },
    });
  });

  it('reports a tampered linked stream at its first broken revision', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    store.tamper('quote-Q-a', 0n, (event) => ({ ...event, data: { ...event.data, currency: 'USD' } }));
    const quote = (await bidHistory(store, 'T-a')).streams.find((s) => s.streamId === 'quote-Q-a');
    expect(quote).toMatchObject({
      readable: true,
      chain: { ok: false, firstBrokenRevision: '0', reason: expect.stringMatching(/edited/) },
    });
  });

  it('says a linked stream is unreadable instead of failing: an opportunity never registered', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    await store.appendToStream('tender-T-orphan', [
      {
        id: 'x',
        type: 'TenderReceived',
        data: {
          tenderId: 'T-orphan',
          opportunityId: 'O-none',
          kind: 'rfi',
          issuer: 'X',
          deadline: '2026-05-01T00:00:00Z',
        },
        metadata: { occurredAt: '2026-04-01T00:00:00Z', actor: { id: 's', role: 'sales' }, schemaVersion: 1 },
      },
    ]);
    const history = await bidHistory(store, 'T-orphan');
    expect(history.streams[1]).toEqual({
      streamId: 'opportunity-O-none',
      link: 'opportunity',
      readable: false,
      reason: 'stream opportunity-O-none: not found',
    });
    expect(history.events).toHaveLength(1);
  });

  it('is a NotFoundError naming the tender when there is none', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    await expect(bidHistory(store, 'T-zz')).rejects.toThrow(NotFoundError);
    await expect(bidHistory(store, 'T-zz')).rejects.toThrow(
      'tender T-zz: not found (no tender-T-zz stream in the event store)',
    );
  });
});
