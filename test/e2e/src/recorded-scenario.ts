import { DemoClock } from '@presales/demo';
import type { RecordedEvent } from '@presales/event-store';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { join } from 'node:path';

/**
 * A hand-written history (test/kpi-oracle's Scenario) appended to a real SQLite event store, each
 * event recorded at its scenario's recordedAt (the demo loader's clock exception), so that the
 * platform projects exactly the events the oracle folds.
 */
export async function recordScenario(
  dir: string,
  events: readonly RecordedEvent[],
): Promise<{ store: SqliteEventStore; events: RecordedEvent[] }> {
  const clock = new DemoClock();
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), durability: 'normal', clock: clock.read });
  for (const event of events) {
    clock.set(new Date(event.metadata.recordedAt));
    const { occurredAt, actor, schemaVersion } = event.metadata;
    await store.appendToStream(
      event.streamId,
      [
        {
          id: `scenario-${event.position}`,
          type: event.type,
          data: event.data,
          metadata: { occurredAt, actor, schemaVersion: schemaVersion ?? 1 },
        },
      ],
      {
        expectedRevision: 'any',
      },
    );
  }
  return { store, events: await store.readAll() };
}
