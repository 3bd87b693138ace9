import type { EventStore, RecordedEvent } from '@presales/event-store';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { projectEvents } from '../projection/project-events.js';
import { loadProjectionContext } from '../projection/projection-context.js';

/**
 * Insert one batch's rows, each table with the token `<table>:<from>-<to>` (DESIGN.md
 * decision 7). Shared by the live projector and the rebuild so both write identical rows.
 */
export async function writeBatch(eventStore: EventStore, analytics: AnalyticsStore, batch: readonly RecordedEvent[]): Promise<void> {
  if (batch.length === 0) return;
  const from = batch[0]!.position;
  const to = batch[batch.length - 1]!.position;
  const context = await loadProjectionContext(eventStore, batch);
  for (const [table, rows] of projectEvents(batch, context)) {
    if (rows.length > 0) await analytics.insert(table, rows, { deduplicationToken: `${table}:${from}-${to}` });
  }
}
