import type { HealthResponse, TendersReceivedResponse } from '@presales/contracts';
import { clickHouseSkipReason, startClickHouseServer, type RunningClickHouse } from '@presales/clickhouse-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFetch, json, postJson, startPlatform, tempDataDir, type PlatformProcess } from './platform-process.js';

const skip = clickHouseSkipReason('CLICKHOUSE_URL switches the analytics store to a ClickHouse server');

describe.skipIf(skip !== undefined)('CLICKHOUSE_URL switches the analytics store to a ClickHouse server', () => {
  const data = tempDataDir();
  let clickhouse: RunningClickHouse;
  let platform: PlatformProcess;
  beforeAll(async () => {
    clickhouse = await startClickHouseServer();
    platform = await startPlatform(data.dir, { CLICKHOUSE_URL: `${clickhouse.url}/presales` });
  });
  afterAll(async () => {
    await platform?.stop();
    await clickhouse?.stop();
    data.remove();
  });

  it('projects into the server and reads the KPI back from it', async () => {
    const health = await json<HealthResponse>(await apiFetch(`${platform.url}api/health`));
    expect(health.analyticsStore).toMatchObject({ engine: 'clickhouse', ok: true });
    const response = await postJson(`${platform.url}api/tenders`, {
      tenderId: 'S-1',
      opportunityId: 'O-1',
      kind: 'tender',
      issuer: 'Ministry',
      deadline: '2026-06-01T00:00:00Z',
      receivedAt: '2026-05-05T10:00:00Z',
    });
    expect(response.status).toBe(201);
    const kpi = await json<TendersReceivedResponse>(await apiFetch(`${platform.url}api/kpis/tenders-received`));
    expect(kpi.points).toEqual([{ period: '2026-05', tenders: 1 }]);
    const direct = await (
      await apiFetch(
        `${clickhouse.url}/?query=${encodeURIComponent('SELECT count() FROM presales.tender_received FINAL')}`,
      )
    ).text();
    expect(direct.trim()).toBe('1');
  });
});
