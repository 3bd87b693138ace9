import { canonicalJson, stampMetadata, type AppendResult, type EventToAppend, type RecordedEvent } from '@presales/event-store';

/**
 * How the events found where a batch would be compare with the batch: `same` (a retry of an
 * append that succeeded), `other_ids` (someone else's events: a real conflict), or
 * `other_content` (our ids with different content, or only some of them: a duplicate id).
 */
export type BatchVerdict = 'same' | 'other_ids' | 'other_content';

export function compareBatch(recorded: readonly RecordedEvent[], events: readonly EventToAppend[]): BatchVerdict {
  const ids = new Set(events.map((e) => e.id));
  if (!recorded.some((r) => ids.has(r.id))) return 'other_ids';
  if (recorded.length !== events.length) return 'other_content';
  return recorded.every((r, i) => r.id === events[i]!.id && sameContent(r, events[i]!)) ? 'same' : 'other_content';
}

function sameContent(recorded: RecordedEvent, event: EventToAppend): boolean {
  const { hash: _hash, ...stored } = recorded.metadata;
  return (
    recorded.type === event.type &&
    canonicalJson(recorded.data) === canonicalJson(event.data) &&
    canonicalJson(stampMetadata(event.metadata, stored.recordedAt, stored.prevHash)) === canonicalJson(stored)
  );
}

export function resultOf(recorded: readonly RecordedEvent[]): AppendResult {
  const last = recorded[recorded.length - 1]!;
  return { nextExpectedRevision: last.revision, position: last.position };
}
