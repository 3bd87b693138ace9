import { join } from 'node:path';
import { EVENTS_TABLE, FACT_TABLE_BY_EVENT_TYPE, rebuildReadModels, tableChecksum } from '@presales/analytics';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { clickHouseSkipReason, startClickHouseServer, type RunningClickHouse } from '@presales/clickhouse-harness';
import type { HealthResponse, TendersReceivedResponse } from '@presales/contracts';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  headPosition,
  json,
  postJson,
  startPlatform,
  tempDataDir,
  type PlatformProcess,
} from './platform-process.js';
import { seedTenders } from './seed-tenders.js';

const tender = (tenderId: string) => ({
  tenderId,
  opportunityId: 'O-1',
  kind: 'rfp',
  issuer: 'Acme',
  deadline: '2026-07-01T00:00:00Z',
  receivedAt: '2026-06-01T00:00:00Z',
});
const health = async (url: string) => {
  const response = await apiFetch(`${url}api/health`);
  return { status: response.status, body: await json<HealthResponse>(response) };
};
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const serverSkip = clickHouseSkipReason('ClickHouse server stopped for 10 s during projection');

describe.skipIf(serverSkip !== undefined)('ClickHouse server stopped for 10 s during projection', () => {
  const data = tempDataDir();
  let clickhouse: RunningClickHouse;
  let platform: PlatformProcess;
  beforeAll(async () => {
    clickhouse = await startClickHouseServer();
    platform = await startPlatform(data.dir, { CLICKHOUSE_URL: clickhouse.url });
  });
  afterAll(async () => {
    await platform?.stop();
    await clickhouse?.stop();
    data.remove();
  });

  it('keeps recording, reports itself unhealthy, retries with backoff, catches up and loses nothing', async () => {
    const base = await headPosition(platform.url);
    for (let i = 0; i < 5; i += 1)
      expect((await postJson(`${platform.url}api/tenders`, tender(`B-${i}`))).status).toBe(201);
    await clickhouse.pause();
    const outage = Date.now();
    for (let i = 5; i < 10; i += 1) {
      const response = await postJson(`${platform.url}api/tenders`, tender(`B-${i}`));
      expect(response.status).toBe(201); // the system of record does not depend on ClickHouse
    }
    const degraded = await until('a degraded health report', async () => {
      const h = await health(platform.url);
      return h.status === 503 && h.body.projector.state === 'retrying' ? h : undefined;
    });
    expect(degraded.body).toMatchObject({
      status: 'degraded',
      analyticsStore: { ok: false },
      projector: { lagEvents: 5 },
    });
    expect(degraded.body.projector.lastError).toBeTruthy();
    await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - outage))));
    await clickhouse.resume();
    const recovered = await until('recovery', async () => {
      const h = await health(platform.url);
      return h.status === 200 && h.body.projector.lagEvents === 0 ? h : undefined;
    });
    expect(recovered.body.projector).toMatchObject({ state: 'live', checkpoint: String(base + 10) });
    const kpi = await json<TendersReceivedResponse>(await apiFetch(`${platform.url}api/kpis/tenders-received`));
    expect(kpi.total).toBe(10);
  }, 90_000);
});

describe('the platform killed (SIGKILL) while projecting a backlog', () => {
  const data = tempDataDir();
  const backlog = 30_000;
  beforeAll(async () => {
    const store = SqliteEventStore.open({ file: join(data.dir, 'events.sqlite'), durability: 'normal' });
    await seedTenders(store, backlog, 'K');
    await store.close();
  }, 120_000);
  afterAll(() => data.remove());

  it('restarts to tables identical to a clean rebuild', async () => {
    const victim: PlatformProcess = await startPlatform(data.dir);
    const atKill = await until('the projector mid-backlog', async () => {
      const h = await health(victim.url);
      const checkpoint = Number(h.body.projector.checkpoint);
      return checkpoint > 0 ? checkpoint : undefined;
    });
    await victim.kill();
    expect(atKill).toBeLessThan(backlog); // killed mid-way, not after the end

    const revived = await startPlatform(data.dir);
    await until(
      'catch-up',
      async () => ((await health(revived.url)).body.projector.lagEvents === 0 ? true : undefined),
      120_000,
    );
    expect(await revived.stop()).toBe(0);

    const analytics = await ChdbAnalyticsStore.open({ path: join(data.dir, 'clickhouse') });
    const reference = await ChdbAnalyticsStore.open({ path: join(data.dir, 'clickhouse'), database: 'reference' });
    const eventStore = SqliteEventStore.open({ file: join(data.dir, 'events.sqlite') });
    try {
      await rebuildReadModels(eventStore, reference);
      for (const table of [EVENTS_TABLE, FACT_TABLE_BY_EVENT_TYPE.get('TenderReceived')!.table]) {
        const [after, clean] = [await tableChecksum(analytics, table), await tableChecksum(reference, table)];
        expect(after).toEqual(clean);
        expect(after.rows).toBe(table === EVENTS_TABLE ? backlog + 28 : backlog); // + the KPI catalog published on first start
      }
    } finally {
      await eventStore.close();
      await reference.close();
      await analytics.close();
    }
  }, 180_000);
});
