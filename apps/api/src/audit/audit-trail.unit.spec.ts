import { AUDIT_READ, type AuditReadData } from '@presales/audit';
import { NotFoundError } from '@presales/domain';
import type { EventStore, EventToAppend } from '@presales/event-store';
import { describe, expect, it } from 'vitest';
import { AuditTrail, type AuditAsk } from './audit-trail.js';

/** Records what the trail appends; `failing` makes every append throw. */
function recordingStore(failing = false) {
  const appended: { streamId: string; event: EventToAppend }[] = [];
  const store = {
    appendToStream: async (streamId: string, events: readonly EventToAppend[]) => {
      if (failing) throw new Error('disk full');
      appended.push(...events.map((event) => ({ streamId, event })));
      return { nextExpectedRevision: 0n, position: BigInt(appended.length) };
    },
  } as unknown as EventStore;
  return { store, appended, reads: () => appended.map(({ event }) => event.data as AuditReadData) };
}

const now = new Date('2026-03-16T08:30:00Z');
const ask: AuditAsk = {
  request: 'history',
  where: 'GET /api/audit/tenders/T-1/history',
  subject: 'tender-T-1',
  parameters: { at: '3' },
};
const actor = (role: 'auditor' | 'admin') => ({ id: 'pat', role });

describe('the audit trail', () => {
  it('records an answered read with the streams it used, before handing it out', async () => {
    const { store, appended, reads } = recordingStore();
    const body = await new AuditTrail(store, () => now).answer(actor('auditor'), ask, async (actor) => ({
      body: `for ${actor.id}`,
      streams: ['tender-T-1', 'quote-Q-1'],
      answerSha256: 'a'.repeat(64),
    }));
    expect(body).toBe('for pat');
    expect(appended[0]).toMatchObject({
      streamId: 'audit-2026-03-16',
      event: {
        type: AUDIT_READ,
        metadata: { actor: { id: 'pat', role: 'auditor' }, occurredAt: '2026-03-16T08:30:00.000Z' },
      },
    });
    expect(reads()).toEqual([
      {
        request: 'history',
        subject: 'tender-T-1',
        streams: ['tender-T-1', 'quote-Q-1'],
        parameters: { at: '3' },
        outcome: { kind: 'answered', answerSha256: 'a'.repeat(64) },
      },
    ]);
  });

  it('fails a read that failed, appending nothing, and counts the refusal by its code', async () => {
    const { store, reads } = recordingStore();
    const trail = new AuditTrail(store, () => now);
    const failing = trail.answer(actor('admin'), ask, async () => {
      throw new NotFoundError('tender T-1');
    });
    await expect(failing).rejects.toThrow(NotFoundError);
    expect(reads()).toEqual([]);
    expect(trail.refusalCounts().get('not_found')).toBe(1);
  });

  it('hands out nothing when the read cannot be recorded', async () => {
    const { store } = recordingStore(true);
    await expect(
      new AuditTrail(store, () => now).answer(actor('auditor'), ask, async () => ({ body: 'secret', streams: [] })),
    ).rejects.toThrow('disk full');
  });
});
