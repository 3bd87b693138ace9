import type { EventStore } from '@presales/event-store';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { EarlierEventMemory } from '../projection/earlier-events.js';
import { dropMigrationsTable, migrate } from '../schema/migrations.js';
import { dropTableStatements, type DdlTarget } from '../schema/table-definition.js';
import { PROJECTED_TABLES } from '../schema/tables.js';
import { KEPT_VALUE_TABLES } from '../kpis/kept/kept-value-tables.js';
import { ProjectionCheckpoints } from './projection-checkpoints.js';
import { DEFAULT_SUBSCRIBER_ID } from './projector.js';
import { OneBatchAhead } from './one-batch-ahead.js';
import { ProjectionBatch } from './write-batch.js';

export interface RebuildProgress {
  readonly projected: number;
  /** Events in the store when the rebuild started; more may arrive meanwhile. */
  readonly total: number;
  readonly position: bigint;
  readonly elapsedMs: number;
}

/** Events per batch, so per insert of each table: a rebuild is throughput, and each insert has a fixed cost. */
export const DEFAULT_REBUILD_BATCH_SIZE = 50_000;

export interface RebuildOptions {
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
  readonly target?: Omit<DdlTarget, 'capabilities'>;
  readonly subscriberId?: string;
  readonly now?: () => number;
}

/**
 * Drop every projected table and project the whole log again from position 0, with the same
 * batch writer the live projector uses, so the result equals the incremental one. Run it with
 * the projector stopped (in embedded mode: with the platform stopped).
 */
export async function rebuildReadModels(
  eventStore: EventStore,
  analytics: AnalyticsStore,
  options: RebuildOptions = {},
): Promise<RebuildProgress> {
  const now = options.now ?? Date.now;
  const started = now();
  const target: DdlTarget = { ...options.target, capabilities: analytics.capabilities };
  // The kept KPI values are computed from the projected tables: every one is computed again.
  for (const table of [...PROJECTED_TABLES, ...KEPT_VALUE_TABLES])
    for (const statement of dropTableStatements(table, target)) await analytics.command(statement);
  await analytics.command(dropMigrationsTable(target));
  await migrate(analytics, options.target);

  const total = await eventStore.countEventsAfter(0n, Number.MAX_SAFE_INTEGER);
  const batchSize = options.batchSize ?? DEFAULT_REBUILD_BATCH_SIZE;
  let position = 0n;
  let projected = 0;
  const progress = (): RebuildProgress => ({ projected, total, position, elapsedMs: now() - started });
  const writer = new OneBatchAhead((to, events) => {
    position = to;
    projected += events;
    options.onProgress?.(progress());
  });
  const earlier = new EarlierEventMemory();
  let batch = new ProjectionBatch(eventStore, analytics, earlier);
  let readTo = 0n;
  try {
    for (;;) {
      // Small pages, each projected at once, so events and rows are let go while still young.
      const wanted = Math.min(READ_PAGE, batchSize - batch.events);
      // readAll is inclusive of fromPosition; positions are opaque, so skip what we already have.
      const page = (await eventStore.readAll({ fromPosition: readTo, maxCount: wanted + 1 }))
        .filter((event) => event.position > readTo)
        .slice(0, wanted);
      if (page.length === 0) break;
      await batch.add(page);
      readTo = page[page.length - 1]!.position;
      if (batch.events < batchSize) continue;
      await writer.send(batch);
      batch = new ProjectionBatch(eventStore, analytics, earlier);
    }
    await writer.send(batch);
    await writer.settle();
  } catch (error) {
    await writer.abandon();
    throw error;
  }
  if (projected > 0)
    await new ProjectionCheckpoints(analytics).save(options.subscriberId ?? DEFAULT_SUBSCRIBER_ID, position);
  return progress();
}

/** New events per read: with the already-read one readAll starts at, a thousand rows a read. */
const READ_PAGE = 999;
