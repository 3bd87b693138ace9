import { describe, expect, it } from 'vitest';
import { DISPUTE_DEADLINE, SUBMITTED_DOCUMENT_SHA256 } from '../testing/dispute-scenario.js';
import { storeWithDisputes } from '../testing/memory-dispute.js';
import { deadlineProof } from './deadline-proof.js';

describe('deadline proof', () => {
  it('proves a submission recorded before the deadline on time, with the document hash and the intact chain', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    const proof = await deadlineProof(store, 'T-a');
    expect(proof).toMatchObject({
      status: 'submitted',
      deadline: DISPUTE_DEADLINE,
      submission: {
        revision: '5',
        occurredAt: '2026-03-14T16:00:00.000Z',
        recordedAt: '2026-03-14T16:00:00.000Z',
        clock: 'store',
        documentSha256: SUBMITTED_DOCUMENT_SHA256,
        channel: 'portal',
        receiptRef: 'PORTAL-a',
      },
      claimedLate: false,
      recordedLate: false,
      recordedAfterDeadlineMs: -20 * 3600_000,
      verdict: 'on_time',
      chain: { ok: true, events: 6 },
    });
  });

  it('finds a bid recorded one minute after its deadline late, although it claims to be on time', async () => {
    const store = await storeWithDisputes({
      key: 'a',
      submissionOccurredAt: '2026-03-15T11:59:30Z',
      submissionRecordedAt: '2026-03-15T12:01:00.000Z',
    });
    expect(await deadlineProof(store, 'T-a')).toMatchObject({
      claimedLate: false,
      recordedLate: true,
      recordedAfterDeadlineMs: 60_000,
      verdict: 'late',
    });
  });

  it('counts exactly at the deadline as on time, and a microsecond after as late', async () => {
    expect(
      await deadlineProof(
        await storeWithDisputes({ key: 'a', submissionRecordedAt: '2026-03-15T12:00:00.000Z' }),
        'T-a',
      ),
    ).toMatchObject({ verdict: 'on_time', recordedAfterDeadlineMs: 0 });
    const store = await storeWithDisputes({ key: 'a', submissionRecordedAt: '2026-03-15T12:00:00.000Z' });
    store.tamper('tender-T-a', 5n, (event) => ({
      ...event,
      metadata: { ...event.metadata, occurredAt: '2026-03-15T12:00:00.000001Z' },
    }));
    expect(await deadlineProof(store, 'T-a')).toMatchObject({ claimedLate: true });
  });

  it('is unproven when someone back-dated the recorded time: the chain no longer holds', async () => {
    const store = await storeWithDisputes({ key: 'a', submissionRecordedAt: '2026-03-15T12:01:00.000Z' });
    store.tamper('tender-T-a', 5n, (event) => ({
      ...event,
      metadata: { ...event.metadata, recordedAt: '2026-03-15T11:00:00.000Z' },
    }));
    expect(await deadlineProof(store, 'T-a')).toMatchObject({
      recordedLate: false,
      verdict: 'unproven',
      chain: { ok: false, firstBrokenRevision: '5', reason: 'content does not match its hash (edited)' },
    });
  });

  it('is unproven when the submission itself was deleted: the head record still counts it', async () => {
    const store = await storeWithDisputes({ key: 'a', submissionRecordedAt: '2026-03-15T12:01:00.000Z' });
    store.remove('tender-T-a', 5n);
    expect(await deadlineProof(store, 'T-a')).toMatchObject({
      status: 'not_submitted',
      chain: { ok: false, firstBrokenRevision: '5' },
    });
  });

  it('marks recorded times the demo loader drove', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    store.tamper('tender-T-a', 5n, (event) => ({
      ...event,
      metadata: { ...event.metadata, demo: true } as typeof event.metadata,
    }));
    expect(await deadlineProof(store, 'T-a')).toMatchObject({ submission: { clock: 'demo' } });
  });
});
