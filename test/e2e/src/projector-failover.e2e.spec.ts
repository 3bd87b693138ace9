import type { RecordTenderResponse } from '@presales/contracts';
import { clickHouseSkipReason, startClickHouseServer, type RunningClickHouse } from '@presales/clickhouse-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  headPosition,
  json,
  postJson,
  runUntilExit,
  startPlatform,
  tempDataDir,
  untilCaughtUp,
  type PlatformProcess,
} from './platform-process.js';
import { startProjector, type ProjectorProcess } from './projector-process.js';
import { UNPROJECTED_STREAM_PREFIXES } from '@presales/analytics';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { join } from 'node:path';

const skip = clickHouseSkipReason('two projectors share one event store and one ClickHouse server');

/** The bound: a standby projects again within 10 s of the active projector's death. */
const TAKEOVER_BOUND_MS = 10_000;

/** Positions of the events the projector writes (the security log and audit reads are not, decision 0021). */
async function projectableEvents(dataDir: string): Promise<number[]> {
  const store = SqliteEventStore.open({ file: join(dataDir, 'events.sqlite'), durability: 'normal' });
  try {
    const all = await store.readAll();
    return all
      .filter((event) => !UNPROJECTED_STREAM_PREFIXES.some((prefix) => event.streamId.startsWith(prefix)))
      .map((event) => Number(event.position));
  } finally {
    await store.close();
  }
}

describe.skipIf(skip !== undefined)('an API without a projector, and two projectors of which one is active', () => {
  const data = tempDataDir();
  let clickhouse: RunningClickHouse;
  let api: PlatformProcess;
  let first: ProjectorProcess;
  let second: ProjectorProcess;
  let env: Record<string, string>;
  beforeAll(async () => {
    clickhouse = await startClickHouseServer();
    env = { CLICKHOUSE_URL: `${clickhouse.url}/presales` };
    api = await startPlatform(data.dir, { ...env, PROJECTOR: 'off' });
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await api?.stop();
    await clickhouse?.stop();
    data.remove();
  });

  const query = async (sql: string) =>
    (await (await fetch(`${clickhouse.url}/?query=${encodeURIComponent(sql)}`)).text()).trim();

  let tenders = 0;
  /** Records a tender; a write answered `projected: true` must be in the analytics store already. */
  async function recordTender(): Promise<boolean> {
    tenders += 1;
    const tenderId = `F-${tenders}`;
    const response = await postJson(`${api.url}api/tenders`, {
      tenderId,
      opportunityId: 'O-1',
      kind: 'tender',
      issuer: 'Ministry',
      deadline: '2026-06-01T00:00:00Z',
      receivedAt: '2026-05-05T10:00:00Z',
    });
    expect(response.status).toBe(201);
    const { projected } = await json<RecordTenderResponse>(response);
    if (projected)
      expect(await query(`SELECT count() FROM presales.tender_received FINAL WHERE tender_id = '${tenderId}'`)).toBe(
        '1',
      );
    return projected;
  }

  it('answers projected: false while no projector runs: it never claims what it did not see', async () => {
    expect(await recordTender()).toBe(false);
  });

  it('presales projector refuses embedded chDB, naming the variable: the API holds its folder', async () => {
    const result = await runUntilExit(['projector', '--data-dir', data.dir], { CLICKHOUSE_URL: '' });
    expect(result.code, result.output).toBe(2);
    expect(result.output).toMatch(/configuration error: CLICKHOUSE_URL="": must name a ClickHouse server/);
  });

  it('refuses a rebuild, which would drop the tables under a projector in another process', async () => {
    const response = await apiFetch(`${api.url}api/admin/rebuild`, { method: 'POST' });
    expect(response.status).toBe(409);
    expect(await response.text()).toMatch(/PROJECTOR=off/);
  });

  it('projects through exactly one of two projectors, and the standby takes over within 10 s of a SIGKILL', async () => {
    first = startProjector(data.dir, env);
    await first.printed(/active: holding the projector lease/, 30_000);
    second = startProjector(data.dir, env);
    await second.printed(/standby: waiting for the projector lease/, 30_000);
    await untilCaughtUp(api.url, 20_000);
    const before = await Promise.all([recordTender(), recordTender(), recordTender()]);
    expect(before).toEqual([true, true, true]);
    expect(second.output()).not.toMatch(/active:/);

    const killedAt = Date.now();
    await first.kill();
    await Promise.all([recordTender(), recordTender()]);
    // Taken over means projecting again: the last tender recorded after the kill reaches ClickHouse.
    const lastAfterKill = `F-${tenders}`;
    while (
      (await query(`SELECT count() FROM presales.tender_received FINAL WHERE tender_id = '${lastAfterKill}'`)) !== '1'
    ) {
      expect(
        Date.now() - killedAt,
        `no projection ${TAKEOVER_BOUND_MS} ms after the SIGKILL:\n${second.output()}`,
      ).toBeLessThan(TAKEOVER_BOUND_MS);
      await new Promise((r) => setTimeout(r, 100));
    }
    const takeoverMs = Date.now() - killedAt;
    console.log(`the standby projected again ${takeoverMs} ms after the SIGKILL`);
    expect(takeoverMs).toBeLessThan(TAKEOVER_BOUND_MS);
    expect(second.output()).toMatch(/active: holding the projector lease/);
    expect(await recordTender()).toBe(true);

    await untilCaughtUp(api.url, 20_000);
    const events = await projectableEvents(data.dir);
    // Every event once: a batch the killed projector wrote without its checkpoint is written again
    // by the successor with the same version, and collapses under FINAL (decision 0008).
    expect(Number(await query('SELECT count() FROM presales.events FINAL'))).toBe(events.length);
    expect(JSON.parse(await query('SELECT arraySort(groupUniqArray(position)) FROM presales.events'))).toEqual(events);
    expect(Number(await query('SELECT count() FROM presales.tender_received FINAL'))).toBe(tenders);
    const health = await json<{ projector: { checkpoint: string } }>(await apiFetch(`${api.url}api/health`));
    expect(Number(health.projector.checkpoint)).toBe(await headPosition(api.url));
  });
});
