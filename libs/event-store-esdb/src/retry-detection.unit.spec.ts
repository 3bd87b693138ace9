import { describe, expect, it } from 'vitest';
import { eventHash, GENESIS_HASH, stampMetadata, type EventToAppend, type RecordedEvent } from '@presales/event-store';
import { anEvent } from '@presales/event-store/testing';
import { compareBatch, resultOf } from './retry-detection.js';

/** Records a batch the way the adapter writes it: stamped, chained, hashed. */
function recorded(streamId: string, firstRevision: bigint, events: readonly EventToAppend[]): RecordedEvent[] {
  let prevHash = GENESIS_HASH;
  return events.map((event, i) => {
    const revision = firstRevision + BigInt(i);
    const metadata = stampMetadata(event.metadata, '2026-02-01T00:00:00.000Z', prevHash);
    const hash = eventHash({ streamId, revision, type: event.type, data: event.data, metadata });
    prevHash = hash;
    return {
      id: event.id,
      type: event.type,
      streamId,
      revision,
      position: 100n + revision,
      data: event.data,
      metadata: { ...metadata, hash },
    };
  });
}

describe('retry detection', () => {
  const batch = [anEvent('A', { n: 1 }), anEvent('B', { n: 2 })];

  it('recognises the same batch recorded before, and answers as the first append did', () => {
    const found = recorded('s-1', 3n, batch);
    expect(compareBatch(found, batch)).toBe('same');
    expect(resultOf(found)).toEqual({ nextExpectedRevision: 4n, position: 104n });
  });

  it("calls someone else's events a conflict", () => {
    expect(compareBatch(recorded('s-1', 3n, [anEvent('X'), anEvent('Y')]), batch)).toBe('other_ids');
    expect(compareBatch([], batch)).toBe('other_ids');
  });

  it('calls our ids with other content, in another order or only in part a duplicate', () => {
    const changed = [batch[0]!, { ...batch[1]!, data: { n: 3 } }];
    expect(compareBatch(recorded('s-1', 3n, changed), batch)).toBe('other_content');
    expect(compareBatch(recorded('s-1', 3n, [batch[1]!, batch[0]!]), batch)).toBe('other_content');
    expect(compareBatch(recorded('s-1', 3n, [batch[0]!]), batch)).toBe('other_content');
    const otherActor = [
      { ...batch[0]!, metadata: { ...batch[0]!.metadata, actor: { id: 'u-2', role: 'manager' as const } } },
      batch[1]!,
    ];
    expect(compareBatch(recorded('s-1', 3n, otherActor), batch)).toBe('other_content');
  });
});
