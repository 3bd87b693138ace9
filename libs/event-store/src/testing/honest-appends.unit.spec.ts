import { describe, expect, it } from 'vitest';
import type { EventStore } from '../event-store.port.js';
import { honestAppends } from './honest-appends.js';

describe('honestAppends', () => {
  const appended: string[] = [];
  const store = honestAppends({
    appendToStream: (streamId: string) => Promise.resolve(void appended.push(streamId)),
  } as unknown as Pick<EventStore, 'appendToStream'>);
  const metadata = {
    occurredAt: '2026-01-01T00:00:00Z',
    actor: { id: 'u-1', role: 'consultant' as const },
    schemaVersion: 1,
  };

  it('refuses a fixture the domain would refuse, naming the field', async () => {
    expect(() =>
      store.appendToStream('tender-T-1', [
        { id: 'e1', type: 'BidOutcomeRecorded', data: { outcome: 'lost' }, metadata },
      ]),
    ).toThrow(/outcome = "lost"/);
    expect(appended).toEqual([]);
  });

  it('passes a valid one through', async () => {
    await store.appendToStream('tender-T-1', [
      {
        id: 'e1',
        type: 'TenderReceived',
        data: { tenderId: 'T-1', opportunityId: 'O-1', kind: 'rfp', issuer: 'Acme', deadline: '2026-02-01T00:00:00Z' },
        metadata,
      },
    ]);
    expect(appended).toEqual(['tender-T-1']);
  });
});
