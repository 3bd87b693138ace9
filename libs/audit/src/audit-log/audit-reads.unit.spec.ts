import { ValidationError } from '@presales/domain';
import { describe, expect, it } from 'vitest';
import { MemoryEventStore } from '../testing/memory-event-store.js';
import { AUDIT_READ, recordAuditRead, type AuditReadData } from './audit-read.js';
import { listAuditReads } from './audit-reads.js';

const AUDITOR = { id: 'auditor-1', role: 'auditor' } as const;
const ADMIN = { id: 'admin-1', role: 'admin' } as const;

const historyRead: AuditReadData = {
  request: 'history',
  subject: 'tender-T-1',
  streams: ['tender-T-1', 'opportunity-O-1'],
  parameters: {},
  outcome: { kind: 'answered' },
};

describe('the audit-read log', () => {
  it('records who looked at which streams, when, one stream per UTC day', async () => {
    const store = new MemoryEventStore();
    store.now = new Date('2026-03-15T23:59:59.500Z');
    const recorded = await recordAuditRead(store, historyRead, {
      actor: AUDITOR,
      at: new Date('2026-03-15T23:59:59Z'),
    });
    expect(recorded).toEqual({ streamId: 'audit-2026-03-15', position: 1n });
    expect(store.log[0]).toMatchObject({
      type: AUDIT_READ,
      streamId: 'audit-2026-03-15',
      data: historyRead,
      metadata: { actor: AUDITOR, occurredAt: '2026-03-15T23:59:59.000Z', recordedAt: '2026-03-15T23:59:59.500Z' },
    });
  });

  it('refuses to record a read that does not fit the schema', async () => {
    const store = new MemoryEventStore();
    await expect(
      recordAuditRead(store, { ...historyRead, request: 'peek' as never }, { actor: AUDITOR, at: new Date() }),
    ).rejects.toThrow(/request/);
    expect(store.log).toHaveLength(0);
  });

  it('lists reads of a range of days, filtered by actor or stream, with each day’s chain', async () => {
    const store = new MemoryEventStore();
    await recordAuditRead(store, historyRead, { actor: AUDITOR, at: new Date('2026-03-14T09:00:00Z') });
    await recordAuditRead(
      store,
      {
        ...historyRead,
        subject: 'quote-Q-1',
        streams: ['quote-Q-1'],
        outcome: { kind: 'refused', code: 'forbidden', message: 'no' },
      },
      { actor: ADMIN, at: new Date('2026-03-15T09:00:00Z') },
    );
    await recordAuditRead(
      store,
      { ...historyRead, request: 'verify_store', subject: '$all', streams: [] },
      { actor: AUDITOR, at: new Date('2026-03-17T09:00:00Z') },
    );
    const all = await listAuditReads(store, { from: '2026-03-14', to: '2026-03-16' });
    expect(all.reads.map((r) => [r.streamId, r.actor.id, r.subject, r.outcome.kind])).toEqual([
      ['audit-2026-03-14', 'auditor-1', 'tender-T-1', 'answered'],
      ['audit-2026-03-15', 'admin-1', 'quote-Q-1', 'refused'],
    ]);
    expect(all.chains).toEqual([
      { ok: true, streamId: 'audit-2026-03-14', events: 1 },
      { ok: true, streamId: 'audit-2026-03-15', events: 1 },
    ]);
    expect(
      (await listAuditReads(store, { from: '2026-03-14', to: '2026-03-17', actorId: 'auditor-1' })).reads.map(
        (r) => r.subject,
      ),
    ).toEqual(['tender-T-1', '$all']);
    expect(
      (await listAuditReads(store, { from: '2026-03-14', to: '2026-03-17', stream: 'opportunity-O-1' })).reads.map(
        (r) => r.subject,
      ),
    ).toEqual(['tender-T-1']);
  });

  it('shows a tampered audit log as such', async () => {
    const store = new MemoryEventStore();
    await recordAuditRead(store, historyRead, { actor: AUDITOR, at: new Date('2026-03-14T09:00:00Z') });
    store.tamper('audit-2026-03-14', 0n, (event) => ({
      ...event,
      metadata: { ...event.metadata, actor: { id: 'someone-else', role: 'auditor' } },
    }));
    expect((await listAuditReads(store, { from: '2026-03-14', to: '2026-03-14' })).chains[0]).toMatchObject({
      ok: false,
      firstBrokenRevision: '0',
    });
  });

  it('refuses ranges backwards or longer than a year', async () => {
    const store = new MemoryEventStore();
    await expect(listAuditReads(store, { from: '2026-03-15', to: '2026-03-14' })).rejects.toThrow(ValidationError);
    await expect(listAuditReads(store, { from: '2025-01-01', to: '2026-03-14' })).rejects.toThrow(/at most 366 days/);
    await expect(listAuditReads(store, { from: '2026-13-01', to: '2026-03-14' })).rejects.toThrow(ValidationError);
  });
});
