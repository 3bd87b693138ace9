import type { RecordedEvent } from '@presales/event-store';
import type { ProjectionContext } from '../projection/fact-columns.js';

/** For batches that need nothing from earlier in the log (no quote revisions). */
export const NO_CONTEXT: ProjectionContext = { quoteCurrency: () => undefined };

/** A TenderReceived as the store would hand it to the projector. */
export function recordedTender(position: bigint, tenderId: string, occurredAt: string, recordedAt: string): RecordedEvent {
  return {
    id: `evt-${tenderId}`,
    type: 'TenderReceived',
    streamId: `tender-${tenderId}`,
    revision: 0n,
    position,
    data: { tenderId, opportunityId: 'O-1', kind: 'rfp', issuer: `Issuer of ${tenderId} 'quoted' 华为`, deadline: '2026-02-01T09:00:00Z' },
    metadata: {
      occurredAt,
      recordedAt,
      actor: { id: 'u-1', role: 'consultant' },
      schemaVersion: 1,
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    },
  };
}
