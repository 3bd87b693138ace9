import type { RecordedEvent } from '@presales/event-store';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { projectEvents } from '../projection/project-events.js';

/**
 * Insert one batch's rows, each table with the token `<table>:<from>-<to>` (DESIGN.md
 * decision 7). Shared by the live projector and the rebuild so both write identical rows.
 */
export async function writeBatch(analytics: AnalyticsStore, batch: readonly RecordedEvent[]): Promise<void> {
  if (batch.length === 0) return;
  const from = batch[0]!.position;
  const to = batch[batch.length - 1]!.position;
  for (const [table, rows] of projectEvents(batch)) {
    if (rows.length > 0) await analytics.insert(table, rows, { deduplicationToken: `${table}:${from}-${to}` });
  }
}
