import type { EventToAppend } from '@presales/event-store';

/** A TenderReceived as the API records it: a realistic size and shape for the figures. */
export function tenderReceived(i: number): EventToAppend {
  return {
    id: crypto.randomUUID(),
    type: 'TenderReceived',
    data: {
      tenderId: `T-${i}`,
      opportunityId: `OPP-${i % 997}`,
      kind: i % 2 === 0 ? 'rfp' : 'tender',
      issuer: 'Ministry of Digital Affairs, procurement office',
      deadline: '2026-03-31T12:00:00.000Z',
    },
    metadata: {
      occurredAt: '2026-01-15T10:00:00.000Z',
      actor: { id: `consultant-${i % 37}`, role: 'consultant' },
      correlationId: `corr-${i}`,
      schemaVersion: 1,
    },
  };
}

/** `calls` batches of `size` events, built before the clock starts. */
export function batches(calls: number, size: number): EventToAppend[][] {
  return Array.from({ length: calls }, (_, call) =>
    Array.from({ length: size }, (_, j) => tenderReceived(call * size + j)),
  );
}

/** Appends go round-robin over this many streams, each guarded by its exact revision. */
export const STREAMS = 200;
