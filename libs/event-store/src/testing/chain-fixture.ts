import type { RecordedEvent } from '../envelope.js';
import { eventHash, GENESIS_HASH } from '../hash-chain.js';

/** A correctly chained stream of one event per type, for verification tests. */
export function chainedEvents(streamId: string, types: readonly string[]): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let prevHash = GENESIS_HASH;
  types.forEach((type, i) => {
    const metadata = {
      occurredAt: '2026-01-01T00:00:00Z',
      recordedAt: '2026-01-01T00:00:01Z',
      actor: { id: 'u', role: 'admin' as const },
      schemaVersion: 1,
      prevHash,
    };
    const hash = eventHash({ streamId, revision: BigInt(i), type, data: { i }, metadata });
    events.push({
      id: `e${i}`,
      type,
      streamId,
      revision: BigInt(i),
      position: BigInt(i + 1),
      data: { i },
      metadata: { ...metadata, hash },
    });
    prevHash = hash;
  });
  return events;
}
