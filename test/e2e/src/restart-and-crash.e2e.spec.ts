import type { TendersReceivedResponse } from '@presales/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  headPosition,
  json,
  postJson,
  startPlatform,
  tempDataDir,
  untilCaughtUp,
} from './platform-process.js';

const tender = (tenderId: string) => ({
  tenderId,
  opportunityId: 'O-1',
  kind: 'rfq',
  issuer: 'Acme',
  deadline: '2026-04-01T09:00:00Z',
  receivedAt: '2026-03-10T09:00:00Z',
});

async function total(url: string): Promise<number> {
  return (await json<TendersReceivedResponse>(await apiFetch(`${url}api/kpis/tenders-received`))).total;
}

describe('restarts and crashes lose nothing and count nothing twice', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  it('keeps events and read models across a graceful restart', async () => {
    const first = await startPlatform(data.dir);
    for (const id of ['R-1', 'R-2']) expect((await postJson(`${first.url}api/tenders`, tender(id))).status).toBe(201);
    expect(await first.stop()).toBe(0);

    const second = await startPlatform(data.dir);
    try {
      await untilCaughtUp(second.url);
      expect(await total(second.url)).toBe(2);
    } finally {
      await second.stop();
    }
  });

  it('after SIGKILL in the middle of a stream of writes, every acknowledged tender is counted exactly once', async () => {
    const victim = await startPlatform(data.dir);
    const before = await headPosition(victim.url);
    const acknowledged: string[] = [];
    const writer = (async () => {
      for (let i = 0; i < 1000; i += 1) {
        const id = `K-${i}`;
        try {
          const response = await postJson(`${victim.url}api/tenders`, tender(id));
          if (response.status === 201) acknowledged.push(id);
        } catch {
          return; // the process is gone
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 700));
    await victim.kill();
    await writer;
    expect(acknowledged.length).toBeGreaterThan(0);

    const revived = await startPlatform(data.dir);
    try {
      const health = await untilCaughtUp(revived.url);
      const events = Number(health.eventStore.headPosition);
      // Every acknowledged tender, and at most the one in flight at the kill.
      expect(events - before).toBeGreaterThanOrEqual(acknowledged.length);
      expect(events - before).toBeLessThanOrEqual(acknowledged.length + 1);
      expect(await total(revived.url)).toBe(2 + events - before);
    } finally {
      await revived.stop();
    }
  });
});
