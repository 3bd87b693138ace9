import type { EventStore, EventToAppend } from '@presales/event-store';
import type { DemoEvent } from './world/demo-event.js';

/** The store's clock, as the demo loader drives it: each event is recorded at its business time. */
export class DemoClock {
  private time = new Date(0);

  /** Give this to the adapter as its `clock` option. */
  readonly read = (): Date => this.time;

  set(time: Date): void {
    this.time = time;
  }
}

export interface DemoLoadProgress {
  readonly events: number;
}

/**
 * Appends a generated history, each event recorded at its occurredAt (DESIGN.md decision 4's
 * demo exception, marked by `metadata.demo`), so time travel over the demo shows the history
 * as it unfolded. The generator's output is in time order; consecutive events of one stream at
 * one instant share an append. Idempotent by id: loading the same seed again appends nothing.
 */
export async function loadDemo(
  events: Iterable<DemoEvent> | AsyncIterable<DemoEvent>,
  store: Pick<EventStore, 'appendToStream'>,
  clock: DemoClock,
  onProgress?: (progress: DemoLoadProgress) => void,
  progressEvery = 5000,
): Promise<{ events: number }> {
  let batch: DemoEvent[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    clock.set(new Date(batch[0]!.metadata.occurredAt));
    await store.appendToStream(batch[0]!.stream, batch.map(toAppend), { expectedRevision: 'any' });
    const before = count;
    count += batch.length;
    batch = [];
    if (onProgress !== undefined && Math.floor(count / progressEvery) > Math.floor(before / progressEvery))
      onProgress({ events: count });
  };
  for await (const event of events) {
    const head = batch[0];
    if (head !== undefined && (head.stream !== event.stream || head.metadata.occurredAt !== event.metadata.occurredAt))
      await flush();
    batch.push(event);
  }
  await flush();
  onProgress?.({ events: count });
  return { events: count };
}

function toAppend(event: DemoEvent): EventToAppend {
  return { id: event.id, type: event.type, data: event.data, metadata: event.metadata };
}
