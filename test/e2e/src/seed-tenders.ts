import { randomUUID } from 'node:crypto';
import type { EventStore } from '@presales/event-store';

/** Append `count` TenderReceived events, one stream each, spread over 2026 by business time. */
export async function seedTenders(store: EventStore, count: number, prefix = 'S'): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const tenderId = `${prefix}-${i}`;
    const month = String((i % 12) + 1).padStart(2, '0');
    await store.appendToStream(
      `tender-${tenderId}`,
      [
        {
          id: randomUUID(),
          type: 'TenderReceived',
          data: {
            tenderId,
            opportunityId: `O-${i % 97}`,
            kind: (['rfi', 'rfp', 'rfq', 'tender'] as const)[i % 4],
            issuer: `Issuer ${i % 13}`,
            deadline: `2026-${month}-28T09:00:00Z`,
          },
          metadata: {
            occurredAt: `2026-${month}-0${(i % 9) + 1}T08:00:00Z`,
            actor: { id: 'seed', role: 'system' },
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
  }
}
