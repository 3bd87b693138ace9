import { sameAppend, type AppendResult, type EventToAppend, type RecordedEvent } from '@presales/event-store';

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
  return recorded.every(
    (r, i) => r.id === events[i]!.id && sameAppend({ ...r, metadata: { ...r.metadata } }, events[i]!),
  )
    ? 'same'
    : 'other_content';
}

export function resultOf(recorded: readonly RecordedEvent[]): AppendResult {
  const last = recorded[recorded.length - 1]!;
  return { nextExpectedRevision: last.revision, position: last.position };
}
