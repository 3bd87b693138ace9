import type { EventStore, RecordedEvent } from '@presales/event-store';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { projectEvents } from '../projection/project-events.js';
import { loadProjectionContext } from '../projection/projection-context.js';

/**
 * Insert one batch's rows, each table with the token `<table>:<from>-<to>` (DESIGN.md
 * decision 7). Shared by the live projector and the rebuild so both write identical rows.
 * Every table's insert is issued before any is awaited, so an engine that writes off the
 * event loop (chDB) has them all while the caller goes on. Settles when every insert has
 * finished, so a failed batch is retried only once none of its inserts is still running.
 */
export async function writeBatch(eventStore: EventStore, analytics: AnalyticsStore, batch: readonly RecordedEvent[]): Promise<void> {
  if (batch.length === 0) return;
  const from = batch[0]!.position;
  const to = batch[batch.length - 1]!.position;
  const context = await loadProjectionContext(eventStore, batch);
  const inserts: Promise<void>[] = [];
  for (const [table, rows] of projectEvents(batch, context)) {
    if (rows.length > 0) inserts.push(analytics.insert(table, rows, { deduplicationToken: `${table}:${from}-${to}` }));
  }
  const failed = (await Promise.allSettled(inserts)).find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}
