import type { EventStore, RecordedEvent } from '@presales/event-store';
import { EarlierEventMemory, factsOf, lookupKey, type EarlierEvent, type EarlierEventFacts } from './earlier-events.js';
import type { ProjectionContext } from './fact-columns.js';
import { FACT_TABLE_BY_EVENT_TYPE, FACT_TABLES } from './facts/index.js';

/**
 * Every lookup, by the event type it copies from. One per type: the memory keys an earlier event
 * by stream, type and match value and keeps that lookup's fields only, so a second lookup of the
 * same type would overwrite the first's (give it the fields of both instead).
 */
const LOOKUP_BY_EARLIER_TYPE: ReadonlyMap<string, EarlierEvent> = (() => {
  const byType = new Map<string, EarlierEvent>();
  for (const lookup of new Set(FACT_TABLES.flatMap((fact) => fact.lookups))) {
    if (byType.has(lookup.type))
      throw new Error(`projection: two lookups copy from ${lookup.type}; merge them into one`);
    byType.set(lookup.type, lookup);
  }
  return byType;
})();

/** The earlier events a batch's rows copy from, found before any row is projected. */
interface BatchLookups {
  readonly found: Map<string, EarlierEventFacts>;
  /** Lookups neither the batch nor the memory could answer, by stream. */
  readonly missing: Map<string, Set<EarlierEvent>>;
}

/**
 * Look up, before projecting a batch, what its rows copy from earlier in their streams (decision
 * 0016): in the batch itself, in `memory` (earlier batches), else in the event store. The answers
 * are kept for the batch, so the memory's bound can never drop one while the batch is projected.
 */
export async function loadProjectionContext(
  eventStore: EventStore,
  batch: readonly RecordedEvent[],
  memory = new EarlierEventMemory(),
): Promise<ProjectionContext> {
  const lookups = lookUpInMemory(batch, memory);
  for (const [streamId, wanted] of lookups.missing) {
    // A stream's first event answers every lookup without a match field; a match needs the stream.
    const firstOnly = [...wanted].every((lookup) => lookup.matchOn === undefined);
    for (const earlier of await eventStore.readStream(streamId, firstOnly ? { maxCount: 1 } : {}))
      remember(earlier, lookups.found, memory);
  }
  return contextOf(lookups.found);
}

/**
 * The context of a batch from the batch and `memory` only, with no reads: for a caller that
 * projects a whole history in order with a memory large enough to hold it (the benchmarks).
 */
export function projectionContextOf(batch: readonly RecordedEvent[], memory: EarlierEventMemory): ProjectionContext {
  return contextOf(lookUpInMemory(batch, memory).found);
}

function lookUpInMemory(batch: readonly RecordedEvent[], memory: EarlierEventMemory): BatchLookups {
  const found = new Map<string, EarlierEventFacts>();
  const missing = new Map<string, Set<EarlierEvent>>();
  for (const event of batch) {
    for (const lookup of FACT_TABLE_BY_EVENT_TYPE.get(event.type)?.lookups ?? []) {
      const key = lookupKey(event, lookup);
      if (found.has(key)) continue;
      const remembered = memory.get(key);
      if (remembered !== undefined) found.set(key, remembered);
      else missing.set(event.streamId, (missing.get(event.streamId) ?? new Set()).add(lookup));
    }
    remember(event, found, memory);
  }
  return { found, missing };
}

/** Remembers `event` if a lookup copies from it. */
function remember(event: RecordedEvent, found: Map<string, EarlierEventFacts>, memory: EarlierEventMemory): void {
  const lookup = LOOKUP_BY_EARLIER_TYPE.get(event.type);
  // Without a match field, only the stream's first event is the one copied from.
  if (lookup === undefined || (lookup.matchOn === undefined && event.revision !== 0n)) return;
  const key = lookupKey(event, lookup);
  const facts = factsOf(event, lookup);
  found.set(key, facts);
  memory.set(key, facts);
}

function contextOf(found: ReadonlyMap<string, EarlierEventFacts>): ProjectionContext {
  return { earlier: (event, lookup) => found.get(lookupKey(event, lookup)) };
}
