import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend } from '@presales/event-store';

const metadata = (day: number) => ({
  occurredAt: new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString(),
  actor: { id: 'bench', role: 'system' as const },
  schemaVersion: 1,
});

/**
 * A mix shaped like presales history: per opportunity a registration and a tender, and per
 * consultant a stream of time logs (the bulk of real logs), appended 100 events per call.
 */
export async function seedMixedHistory(store: EventStore, events: number): Promise<void> {
  const opportunities = Math.floor(events / 10);
  for (let i = 0; i < opportunities; i += 1) {
    await store.appendToStream(`opportunity-O${i}`, [
      {
        id: randomUUID(),
        type: 'OpportunityRegistered',
        data: {
          opportunityId: `O${i}`,
          name: `Deal ${i}`,
          customer: `Customer ${i % 300}`,
          industry: 'finance',
          region: 'east',
          productLines: ['erp'],
          projectType: 'project',
          estimatedValue: { amount: `${100000 + i}.50`, currency: 'CNY' },
          salesOwnerId: `S${i % 40}`,
        },
        metadata: metadata(i % 700),
      },
    ]);
    await store.appendToStream(`tender-T${i}`, [
      {
        id: randomUUID(),
        type: 'TenderReceived',
        data: {
          tenderId: `T${i}`,
          opportunityId: `O${i}`,
          kind: 'rfp',
          issuer: `Issuer ${i % 50}`,
          deadline: '2026-01-01T00:00:00Z',
        },
        metadata: metadata(i % 700),
      },
    ]);
  }
  let remaining = events - 2 * opportunities;
  for (let call = 0; remaining > 0; call += 1) {
    const size = Math.min(100, remaining);
    const batch: EventToAppend[] = Array.from({ length: size }, (_, k) => ({
      id: randomUUID(),
      type: 'TimeLogged',
      data: {
        entryId: `E${call}-${k}`,
        date: '2025-06-02',
        hours: 2.5,
        category: 'solution',
        opportunityId: `O${k % Math.max(1, opportunities)}`,
      },
      metadata: metadata((call + k) % 700),
    }));
    await store.appendToStream(`consultant-C${call % 200}`, batch);
    remaining -= size;
  }
}
