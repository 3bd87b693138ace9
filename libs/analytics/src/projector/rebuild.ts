import type { EventStore } from '@presales/event-store';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { migrate, MIGRATIONS_TABLE } from '../schema/migrations.js';
import { dropTableStatements, type DdlTarget } from '../schema/table-definition.js';
import { PROJECTED_TABLES } from '../schema/tables.js';
import { sqlIdentifier } from '../sql/escape.js';
import { ProjectionCheckpoints } from './projection-checkpoints.js';
import { DEFAULT_SUBSCRIBER_ID } from './projector.js';
import { writeBatch } from './write-batch.js';

export interface RebuildProgress {
  readonly projected: number;
  /** Events in the store when the rebuild started; more may arrive meanwhile. */
  readonly total: number;
  readonly position: bigint;
  readonly elapsedMs: number;
}

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
export async function rebuildReadModels(eventStore: EventStore, analytics: AnalyticsStore, options: RebuildOptions = {}): Promise<RebuildProgress> {
  const now = options.now ?? Date.now;
  const started = now();
  const target: DdlTarget = { ...options.target, capabilities: analytics.capabilities };
  for (const table of PROJECTED_TABLES) for (const statement of dropTableStatements(table, target)) await analytics.command(statement);
  await analytics.command(`DROP TABLE IF EXISTS ${sqlIdentifier(MIGRATIONS_TABLE)}`);
  await migrate(analytics, options.target);

  const total = await eventStore.countEventsAfter(0n, Number.MAX_SAFE_INTEGER);
  // Large batches: a rebuild is throughput, and each table's insert has a fixed cost.
  const batchSize = options.batchSize ?? 50_000;
  let position = 0n;
  let projected = 0;
  const progress = (): RebuildProgress => ({ projected, total, position, elapsedMs: now() - started });
  // One batch ahead: while the engine writes a batch (chDB does so on its own thread), the next
  // one is read, projected and encoded here. At most two batches are held at a time.
  let inFlight: { readonly writing: Promise<void>; readonly to: bigint; readonly events: number } | undefined;
  const settle = async () => {
    if (inFlight === undefined) return;
    await inFlight.writing;
    position = inFlight.to;
    projected += inFlight.events;
    inFlight = undefined;
    options.onProgress?.(progress());
  };
  let readTo = 0n;
  for (;;) {
    // readAll is inclusive of fromPosition; positions are opaque, so skip what we already have.
    const page = (await eventStore.readAll({ fromPosition: readTo, maxCount: batchSize + 1 }))
      .filter((event) => event.position > readTo)
      .slice(0, batchSize);
    if (page.length === 0) break;
    const writing = writeBatch(eventStore, analytics, page);
    // Handled at once, as it may fail while the batch before it is awaited; awaited in turn.
    writing.catch(() => undefined);
    try {
      await settle();
    } catch (error) {
      await writing.catch(() => undefined);
      throw error;
    }
    readTo = page[page.length - 1]!.position;
    inFlight = { writing, to: readTo, events: page.length };
  }
  await settle();
  if (projected > 0) await new ProjectionCheckpoints(analytics).save(options.subscriberId ?? DEFAULT_SUBSCRIBER_ID, position);
  return progress();
}
