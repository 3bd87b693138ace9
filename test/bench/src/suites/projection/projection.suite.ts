import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_REBUILD_BATCH_SIZE,
  EarlierEventMemory,
  loadProjectionContext,
  migrate,
  Projector,
  projectEvents,
  rebuildReadModels,
  type AnalyticsRow,
} from '@presales/analytics';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import type { RecordedEvent } from '@presales/event-store';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { collectGarbage, pairedRuns, percentile, throughput } from '../../measure.js';
import type { BenchContext, BenchSection, BenchSuite } from '../../suite.js';
import { seedMixedHistory } from './mixed-events.js';

const REBUILD_EVENTS = 200_000;
/** What `presales rebuild` uses; the raw inserts get the very same batches. */
const BATCH = DEFAULT_REBUILD_BATCH_SIZE;
const LAG_SECONDS = Number(process.env['BENCH_LAG_SECONDS'] ?? 60);
const LAG_RATE = 1000;

function tempDir(prefix: string): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The rows a rebuild writes, prepared ahead so the baseline times only the inserts. */
async function rowsOf(store: SqliteEventStore): Promise<Map<string, AnalyticsRow[]>[]> {
  const all = await store.readAll();
  const batches: Map<string, AnalyticsRow[]>[] = [];
  const earlier = new EarlierEventMemory();
  for (let i = 0; i < all.length; i += BATCH) {
    const batch: RecordedEvent[] = all.slice(i, i + BATCH);
    batches.push(projectEvents(batch, await loadProjectionContext(store, batch, earlier)));
  }
  return batches;
}

/**
 * The rebuild runs first, before the baseline's rows are prepared: a rebuild in the platform
 * does not share its heap with 200,000 events' worth of someone else's rows, whose presence
 * makes every garbage collection of the rebuild slower. Each timing starts from a collected heap.
 */
async function rebuildRun(eventStore: SqliteEventStore): Promise<{ ours: number; baseline: number }> {
  const folder = tempDir('presales-bench-chdb-');
  try {
    const ours = await ChdbAnalyticsStore.open({ path: folder.dir, database: 'rebuilt' });
    collectGarbage();
    const rate = await throughput(REBUILD_EVENTS, () => rebuildReadModels(eventStore, ours));
    await ours.close();
    const rows = await rowsOf(eventStore);
    const raw = await ChdbAnalyticsStore.open({ path: folder.dir, database: 'raw' });
    await migrate(raw);
    collectGarbage();
    const baseline = await throughput(REBUILD_EVENTS, async () => {
      for (const batch of rows)
        for (const [table, tableRows] of batch) if (tableRows.length > 0) await raw.insert(table, tableRows);
    });
    await raw.close();
    return { ours: rate, baseline };
  } finally {
    folder.dispose();
  }
}

/** Appends LAG_RATE events/s for LAG_SECONDS while the projector runs live; lag per append in ms. */
async function lagRun(context: BenchContext): Promise<number[]> {
  const folder = tempDir('presales-bench-lag-');
  const eventStore = SqliteEventStore.open({
    file: join(folder.dir, 'events.sqlite'),
    durability: 'normal',
    pollIntervalMs: 50,
  });
  const analytics = await ChdbAnalyticsStore.open({ path: join(folder.dir, 'clickhouse') });
  await migrate(analytics);
  const projector = new Projector(eventStore, analytics, { batchSize: 1000, flushIntervalMs: 20 });
  projector.start();
  const lags: Promise<number>[] = [];
  try {
    const perTick = LAG_RATE / 100;
    const started = Date.now();
    for (let tick = 0; Date.now() - started < LAG_SECONDS * 1000; tick += 1) {
      const due = started + tick * 10;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      const appendedAt = Date.now();
      const batch = Array.from({ length: perTick }, (_, k) => ({
        id: `lag-${tick}-${k}`,
        type: 'TimeLogged',
        data: { entryId: `L${tick}-${k}`, date: '2026-01-05', hours: 1, category: 'internal' },
        metadata: {
          occurredAt: '2026-01-05T09:00:00Z',
          actor: { id: 'bench', role: 'system' as const },
          schemaVersion: 1,
        },
      }));
      const { position } = await eventStore.appendToStream(`consultant-C${tick % 50}`, batch);
      lags.push(
        projector
          .waitForPosition(position, 30_000)
          .then((reached) => (reached ? Date.now() - appendedAt : Number.POSITIVE_INFINITY)),
      );
    }
    const measured = await Promise.all(lags);
    context.log(`lag: ${measured.length} appends over ${LAG_SECONDS} s`);
    return measured;
  } finally {
    await projector.stop();
    await analytics.close();
    await eventStore.close();
    folder.dispose();
  }
}

export const projectionSuite: BenchSuite = {
  name: 'projection',
  async run(context: BenchContext): Promise<BenchSection> {
    const folder = tempDir('presales-bench-es-');
    const eventStore = SqliteEventStore.open({ file: join(folder.dir, 'events.sqlite'), durability: 'normal' });
    try {
      context.log(`projection: seeding ${REBUILD_EVENTS} events`);
      await seedMixedHistory(eventStore, REBUILD_EVENTS);
      const { ours, baseline } = await pairedRuns(context.runs, () => rebuildRun(eventStore));
      context.log(
        `projection: rebuild ${Math.round(ours[ours.length - 1]!)} events/s, raw ${Math.round(baseline[baseline.length - 1]!)} events/s`,
      );
      const p50: number[] = [];
      const p99: number[] = [];
      for (let run = 0; run < context.runs; run += 1) {
        const lags = await lagRun(context);
        p50.push(percentile(lags, 50));
        p99.push(percentile(lags, 99));
      }
      return {
        title: 'Projection into chDB',
        method: `A rebuild (\`presales rebuild\`, its default batches of ${BATCH.toLocaleString('en-US')} events) of ${REBUILD_EVENTS.toLocaleString('en-US')} events (opportunities, tenders, time logs) from the SQLite event store into a fresh chDB database — dropping and recreating every table, reading, projecting, encoding and inserting — against inserting the very same rows (computed beforehand) straight into chDB with the same batches, one \`insert(table, rows)\` call per table and batch (the rows are prepared after the rebuild, so the rebuild's heap does not hold them). Both insert through the chDB adapter as JSONCompactEachRow — the rebuild streams each row into an off-heap body as it projects it, the baseline's \`insert(table, rows)\` sends rows it already holds as one string, the faster way for those — so the ratio is what reading and projecting the log costs on top of inserting. Lag: ${LAG_RATE} events/s appended for ${LAG_SECONDS} s (10 events every 10 ms) while the live projector runs; lag = from the append's return to the projector's checkpoint passing it.`,
        figures: [
          {
            id: 'rebuild',
            label: 'rebuild: event store → chDB, through projections',
            unit: 'events/s',
            samples: ours,
            target: 50_000,
          },
          { id: 'raw', label: 'raw chDB insert of the same rows', unit: 'events/s', samples: baseline },
          {
            id: 'lag-p50',
            label: `projection lag p50 at ${LAG_RATE} events/s`,
            unit: 'ms',
            samples: p50,
            lowerIsBetter: true,
          },
          {
            id: 'lag-p99',
            label: `projection lag p99 at ${LAG_RATE} events/s`,
            unit: 'ms',
            samples: p99,
            target: 1000,
            lowerIsBetter: true,
          },
        ],
        ratios: [{ label: 'rebuild ÷ raw chDB insert', of: 'rebuild', against: 'raw', target: 0.5 }],
      };
    } finally {
      await eventStore.close();
      folder.dispose();
    }
  },
};
