import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HealthResponse, TendersReceivedResponse } from '@presales/contracts';
import { EsdbStandin } from '@presales/esdb-standin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  bearerFor,
  json,
  postJson,
  runUntilExit,
  startPlatform,
  tempDataDir,
  untilCaughtUp,
  type PlatformProcess,
} from './platform-process.js';

/**
 * The platform end to end with EVENTSTORE_URL: start, record, project, audit, export, over the
 * EventStoreDB adapter and the real client's gRPC — against the test stand-in (test/esdb-standin),
 * since no EventStoreDB runs here. Positions are byte offsets there, so paging by position
 * arithmetic or a backwards read dropping its first event would fail these.
 */
describe('EVENTSTORE_URL switches the event store to EventStoreDB (the test stand-in)', () => {
  const data = tempDataDir();
  let standin: EsdbStandin;
  let platform: PlatformProcess;
  beforeAll(async () => {
    standin = await EsdbStandin.start();
    platform = await startPlatform(data.dir, { EVENTSTORE_URL: standin.url });
  });
  afterAll(async () => {
    await platform?.stop();
    await standin?.stop();
    data.remove();
  });

  const tender = (tenderId: string, receivedAt: string) => ({
    tenderId,
    opportunityId: `O-${tenderId}`,
    kind: 'tender',
    issuer: 'Ministry',
    deadline: '2026-06-01T00:00:00Z',
    receivedAt,
  });

  it('starts on the server, records, projects and reads the KPI back', async () => {
    const health = await json<HealthResponse>(await fetch(`${platform.url}api/health`));
    expect(health.eventStore).toMatchObject({ engine: 'eventstoredb', ok: true });
    for (const [id, at] of [
      ['E-1', '2026-04-03T10:00:00Z'],
      ['E-2', '2026-05-05T10:00:00Z'],
      ['E-3', '2026-05-06T10:00:00Z'],
    ] as const) {
      const response = await postJson(
        `${platform.url}api/tenders`,
        tender(id, at),
        await bearerFor(platform.url, 'manager'),
      );
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ streamId: `tender-${id}`, revision: '0', projected: true });
    }
    const refused = await postJson(
      `${platform.url}api/tenders`,
      tender('E-1', '2026-04-03T10:00:00Z'),
      await bearerFor(platform.url, 'manager'),
    );
    expect(refused.status).toBe(422);
    await untilCaughtUp(platform.url);
    const kpi = await json<TendersReceivedResponse>(await apiFetch(`${platform.url}api/kpis/tenders-received`));
    expect(kpi.points).toEqual([
      { period: '2026-04', tenders: 1 },
      { period: '2026-05', tenders: 2 },
    ]);
  });

  it('answers the audit from the server: a tender history, its chain, the whole store', async () => {
    const auditor = await bearerFor(platform.url, 'auditor');
    const get = (path: string) => fetch(`${platform.url}${path}`, { headers: auditor });
    const history = await get('api/audit/tenders/E-2/history');
    expect(history.status).toBe(200);
    expect(((await history.json()) as { streams: unknown[] }).streams[0]).toMatchObject({
      streamId: 'tender-E-2',
      chain: { ok: true },
    });
    // Asked twice: the link index reads only what came after the last position it saw.
    expect((await get('api/audit/tenders/E-3/history')).status).toBe(200);
    expect(await (await get('api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('exports every event in $all order with the CLI, straight from the server', async () => {
    const file = join(data.dir, 'export.jsonl');
    const { code, output } = await runUntilExit(['export', file, '--streams', 'tender-'], {
      EVENTSTORE_URL: standin.url,
    });
    expect(code, output).toBe(0);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { stream: string; position: string | number });
    expect(lines.map((line) => line.stream)).toEqual(['tender-E-1', 'tender-E-2', 'tender-E-3']);
    const positions = lines.map((line) => BigInt(line.position));
    expect(positions[1]! - positions[0]!).toBeGreaterThan(1n); // byte offsets, not a count
  });
});
