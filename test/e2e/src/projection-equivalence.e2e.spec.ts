import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CHECKPOINTS_TABLE,
  PROJECTED_TABLES,
  ProjectionCheckpoints,
  Projector,
  rebuildReadModels,
  tableChecksum,
  migrate,
  type AnalyticsStore,
} from '@presales/analytics';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { ClickHouseAnalyticsStore } from '@presales/analytics-clickhouse';
import { clickHouseSkipReason, startClickHouseServer, type RunningClickHouse } from '@presales/clickhouse-harness';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenders } from './seed-tenders.js';

/** Every projected table but the checkpoints, whose rows depend on batch boundaries. */
const COMPARED_TABLES = PROJECTED_TABLES.filter((table) => table.name !== CHECKPOINTS_TABLE);

async function checksums(store: AnalyticsStore) {
  return Promise.all(COMPARED_TABLES.map((table) => tableChecksum(store, table)));
}

async function projectUntilHead(projector: Projector, head: bigint): Promise<void> {
  projector.start();
  expect(await projector.waitForPosition(head, 60_000)).toBe(true);
}

interface Engine {
  readonly name: string;
  readonly skip?: string;
  readonly open: (database: string) => Promise<AnalyticsStore>;
  readonly setUp: () => Promise<void>;
  readonly tearDown: () => Promise<void>;
}

const chdbPath = mkdtempSync(join(tmpdir(), 'presales-equivalence-chdb-'));
let server: RunningClickHouse | undefined;
const serverSkip = clickHouseSkipReason('projection on clickhouse-server: incremental, replicas and rebuild agree');

const engines: Engine[] = [
  {
    name: 'chdb',
    open: (database) => ChdbAnalyticsStore.open({ path: chdbPath, database }),
    setUp: async () => undefined,
    tearDown: async () => rmSync(chdbPath, { recursive: true, force: true }),
  },
  {
    name: 'clickhouse-server',
    ...(serverSkip === undefined ? {} : { skip: serverSkip }),
    open: (database) => ClickHouseAnalyticsStore.open({ url: server!.url, database }),
    setUp: async () => {
      server = await startClickHouseServer();
    },
    tearDown: async () => server?.stop(),
  },
];

for (const engine of engines) {
  describe.skipIf(engine.skip !== undefined)(
    `projection on ${engine.name}: incremental, replicas and rebuild agree`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'presales-equivalence-es-'));
      const eventStore = SqliteEventStore.open({
        file: join(dir, 'events.sqlite'),
        durability: 'normal',
        pollIntervalMs: 20,
      });
      const opened: AnalyticsStore[] = [];
      const open = async (database: string) => {
        const store = await engine.open(database);
        opened.push(store);
        await migrate(store);
        return store;
      };
      let head: bigint;
      let rebuilt: Awaited<ReturnType<typeof checksums>>;

      beforeAll(async () => {
        await engine.setUp();
        await seedTenders(eventStore, 2500);
        head = (await eventStore.health()).headPosition;
        const reference = await open('rebuilt');
        const progress: number[] = [];
        const result = await rebuildReadModels(eventStore, reference, {
          batchSize: 1000,
          onProgress: (p) => progress.push(p.projected),
        });
        expect(result).toMatchObject({ projected: 2500, total: 2500, position: head });
        expect(progress).toEqual([1000, 2000, 2500]);
        rebuilt = await checksums(reference);
        expect(await new ProjectionCheckpoints(reference).load('analytics-projector')).toBe(head);
      });
      afterAll(async () => {
        for (const store of opened) await store.close();
        await eventStore.close();
        rmSync(dir, { recursive: true, force: true });
        await engine.tearDown();
      });

      it('a rebuild reproduces every row of the log', () => {
        expect(rebuilt.find((c) => c.table === 'events')?.rows).toBe(2500);
        expect(rebuilt.find((c) => c.table === 'tender_received')?.rows).toBe(2500);
      });

      it('incremental projection in small batches equals the rebuild', async () => {
        const store = await open('incremental');
        const projector = new Projector(eventStore, store, { batchSize: 7, flushIntervalMs: 5 });
        await projectUntilHead(projector, head);
        await projector.stop();
        expect(await checksums(store)).toEqual(rebuilt);
      });

      it('two projector replicas at once produce the same tables as one', async () => {
        const store = await open('replicas');
        const twin = await engine.open('replicas');
        opened.push(twin);
        const replicas = [
          new Projector(eventStore, store, { batchSize: 100 }),
          new Projector(eventStore, twin, { batchSize: 33 }),
        ];
        await Promise.all(replicas.map((replica) => projectUntilHead(replica, head)));
        await Promise.all(replicas.map((replica) => replica.stop()));
        expect(await checksums(store)).toEqual(rebuilt);
        expect(await new ProjectionCheckpoints(store).load('analytics-projector')).toBe(head);
      });

      it('a rebuild of a store that was already projected gives the same tables again', async () => {
        const store = await open('incremental');
        await rebuildReadModels(eventStore, store, { batchSize: 333 });
        expect(await checksums(store)).toEqual(rebuilt);
      });
    },
  );
}
