import type {
  ApiErrorBody,
  HealthResponse,
  RecordTenderResponse,
  SqlResponse,
  TendersReceivedResponse,
} from '@presales/contracts';
import {
  clusterSkipReason,
  startClickHouseCluster,
  type RunningClickHouseCluster,
  type RunningClusterNode,
} from '@presales/clickhouse-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  bearerFor,
  json,
  postJson,
  startPlatform,
  tempDataDir,
  untilCaughtUp,
  type PlatformProcess,
} from '../platform-process.js';
import { nodeSql } from './cluster-sql.js';
import { reportClusterOnFailure } from './report-on-failure.js';

const skip = clusterSkipReason('the platform through ClickHouse cluster faults');

let next = 0;
const tender = () => {
  next += 1;
  return {
    tenderId: `F-${next}`,
    opportunityId: `O-${next % 5}`,
    kind: 'rfp',
    issuer: 'Utility',
    deadline: '2026-10-01T00:00:00Z',
    receivedAt: `2026-0${(next % 6) + 1}-03T09:00:00Z`,
  };
};

/** Rows of the tender table a replica holds once it has fetched every part its shard has. */
async function replicaRows(node: RunningClusterNode): Promise<number> {
  await nodeSql(node.url, 'SYSTEM SYNC REPLICA presales.tender_received_local');
  return Number(await nodeSql(node.url, 'SELECT count() FROM presales.tender_received_local FINAL'));
}

async function total(platform: PlatformProcess): Promise<number> {
  return (await json<TendersReceivedResponse>(await apiFetch(`${platform.url}api/kpis/tenders-received`))).total;
}

async function health(platform: PlatformProcess): Promise<{ status: number; body: HealthResponse }> {
  const response = await apiFetch(`${platform.url}api/health`);
  return { status: response.status, body: await json<HealthResponse>(response) };
}

/** Records `count` tenders, each answered projected and readable at once. */
async function recordReadable(platform: PlatformProcess, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const before = await total(platform);
    const recorded = await json<RecordTenderResponse>(await postJson(`${platform.url}api/tenders`, tender()));
    expect(recorded.projected).toBe(true);
    expect(await total(platform)).toBe(before + 1);
  }
}

describe.skipIf(skip !== undefined)('the platform through faults of its ClickHouse cluster', () => {
  const data = tempDataDir();
  let cluster: RunningClickHouseCluster;
  let platform: PlatformProcess;
  let ch: RunningClusterNode[];
  reportClusterOnFailure(() => cluster);
  beforeAll(async () => {
    cluster = await startClickHouseCluster();
    ch = [...cluster.nodes];
    platform = await startPlatform(data.dir, {
      CLICKHOUSE_URL: cluster.urlList('/presales'),
      CLICKHOUSE_CLUSTER: cluster.name,
    });
    await recordReadable(platform, 6);
  });
  afterAll(async () => {
    await platform?.stop();
    await cluster?.stop();
    data.remove();
  });

  it('a replica killed: writes and reads go on, health names it, and it catches up after its restart', async () => {
    await ch[2]!.server.kill(); // shard 2's first replica, where its reads and writes went
    await recordReadable(platform, 6);
    const during = await health(platform);
    expect(during.status).toBe(200);
    expect(during.body.analyticsStore.shards?.find((s) => s.shard === 2)).toMatchObject({
      ok: true,
      replicas: [{ ok: false }, { ok: true }],
    });
    await ch[2]!.server.resume();
    expect(await replicaRows(ch[2]!)).toBe(await replicaRows(ch[3]!));
    expect((await replicaRows(ch[0]!)) + (await replicaRows(ch[2]!))).toBe(12);
  });

  it('a whole shard down: health degraded naming it, KPI reads refused, nothing lost, all caught up after its restart', async () => {
    await Promise.all([ch[2]!.server.kill(), ch[3]!.server.kill()]);
    const during = await health(platform);
    expect(during.status).toBe(503);
    expect(during.body.status).toBe('degraded');
    expect(during.body.analyticsStore.error).toMatch(/shard 2 has no replica up/);
    const refused = await apiFetch(`${platform.url}api/kpis/tenders-received`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect((await json<ApiErrorBody>(refused)).error.code).toBe('analytics_unavailable');
    // Recorded in the event store while the shard is down; projected once it is back.
    for (let i = 0; i < 4; i += 1) expect((await postJson(`${platform.url}api/tenders`, tender())).status).toBe(201);
    await Promise.all([ch[2]!.server.resume(), ch[3]!.server.resume()]);
    await untilCaughtUp(platform.url, 60_000);
    expect(await total(platform)).toBe(16);
    expect((await health(platform)).body.status).toBe('ok');
  });

  it('the first node of CLICKHOUSE_URL killed: the platform fails over to the next, and writes and reads go on', async () => {
    await ch[0]!.server.kill();
    await recordReadable(platform, 4);
    expect(await total(platform)).toBe(20);
    const during = await health(platform);
    expect(during.body.analyticsStore.ok).toBe(true);
    // The analyst's SQL, on a session opened before the node went away, fails over too.
    const sql = await postJson(
      `${platform.url}api/sql`,
      { sql: 'SELECT count() AS n FROM tender_received FINAL' },
      await bearerFor(platform.url, 'analyst'),
    );
    expect(sql.status).toBe(200);
    expect((await json<SqlResponse>(sql)).rows).toEqual([{ n: 20 }]);
    await ch[0]!.server.resume();
    expect(await replicaRows(ch[0]!)).toBe(await replicaRows(ch[1]!));
  });
});
