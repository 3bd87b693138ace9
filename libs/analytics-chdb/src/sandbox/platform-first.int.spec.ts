import type { GatedSql } from '@presales/analytics';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChdbAnalyticsStore } from '../chdb-analytics-store.js';
import { LINGER_MS, MAX_PAUSE_MS } from './platform-first.js';

/** A process's state letter and the CPU time it has used, in clock ticks; undefined once gone. */
function stat(pid: number): { state: string; cpu: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, cpu: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** The analyst worker among this process's descendants (a child of the spawn server, or of unshare under it). */
function analystWorker(root = process.pid): number | undefined {
  const children = readFileSync(`/proc/${root}/task/${root}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  for (const child of children) {
    let command = '';
    try {
      command = readFileSync(`/proc/${child}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (command.includes('analyst-worker.mjs') && !command.includes('unshare')) return child;
    const deeper = analystWorker(child);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Issue 16's fairness, its mechanism (decision 0046): a running analyst query is stopped while
 * the platform's own engine reads, and goes on afterwards. The bench measures what it is worth.
 */
describe('analyst workers wait while the platform reads', () => {
  const folder = mkdtempSync(join(tmpdir(), 'presales-platform-first-'));
  let store: ChdbAnalyticsStore;

  beforeAll(async () => {
    store = await ChdbAnalyticsStore.open({ path: join(folder, 'analytics') });
  });
  afterAll(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('stops a computing worker for the length of a platform read, then lets it go on', async () => {
    // A limit the test never reaches, however slowly the machine starts the worker: it is
    // there, computing, before, during and after the read, and the session's close ends it.
    const session = await store.openAnalystSession({
      maxExecutionSeconds: 60,
      maxResultRows: 10,
      maxMemoryBytes: 512 * 2 ** 20,
      export: { maxResultRows: 10, maxExecutionSeconds: 60 },
    });
    try {
      // Seconds of one core's work, whatever the machine; past the gate as the gate would pass it.
      const heavy = 'SELECT count() AS c FROM numbers(20000000000) WHERE cityHash64(number) % 1000 = 7';
      const answer = session.query({ text: heavy, canonical: heavy } as unknown as GatedSql).then(
        () => 'answered',
        (error: Error) => error.message,
      );
      await expect.poll(() => analystWorker(), { timeout: 20_000 }).toBeGreaterThan(0);
      const worker = analystWorker()!;
      // Computing: its CPU time grows.
      const started = stat(worker)!.cpu;
      await expect.poll(() => stat(worker)!.cpu, { timeout: 20_000 }).toBeGreaterThan(started + 5);

      // Sampled often, and judged only within the stretch the workers wait (MAX_PAUSE_MS, then their
      // turn): on a loaded machine a sleep may last far longer than asked.
      const samples: { at: number; state: string; cpu: number }[] = [];
      const readStarted = performance.now();
      const sampled = store.query('SELECT sleep(1.5) AS slept');
      for (let at = 0; at < 1400; at = performance.now() - readStarted) {
        const now = stat(worker);
        if (now !== undefined) samples.push({ at, ...now });
        await sleep(50);
      }
      await sampled;
      // The first ~100 ms: the pause's message on its way to the spawn server; the last: the turn may be near.
      const during = samples.filter(({ at }) => at >= 150 && at <= MAX_PAUSE_MS - 100);
      expect(during.length).toBeGreaterThanOrEqual(2);
      expect(during.map(({ state }) => state)).toEqual(during.map(() => 'T'));
      expect(during.at(-1)!.cpu).toBe(during[0]!.cpu);

      // Going on again. Polled: the resume goes through the spawn server, which a loaded machine
      // may schedule late.
      await expect.poll(() => stat(worker)?.state ?? 'gone', { timeout: 5_000 }).not.toBe('T');
      const after = stat(worker)!;
      await expect.poll(() => stat(worker)?.cpu ?? -1, { timeout: 10_000 }).toBeGreaterThan(after.cpu);
      expect(await Promise.race([answer, sleep(0).then(() => 'still computing')])).toBe('still computing');
    } finally {
      await session.close();
    }
  }, 60_000);

  it('counts a worker’s time limit in its running time, and tells an analyst stopped by the engine’s own how long it waited', async () => {
    const session = await store.openAnalystSession({
      maxExecutionSeconds: 1,
      maxResultRows: 10,
      maxMemoryBytes: 512 * 2 ** 20,
      export: { maxResultRows: 10, maxExecutionSeconds: 1 },
    });
    try {
      // The platform reads without a break from before the query starts until it has an answer:
      // its worker runs only in its turns, a fifth of the time, its start included.
      let settled = false;
      const reading = (async () => {
        const until = performance.now() + 40_000;
        while (!settled && performance.now() < until) await store.query('SELECT sleep(0.2) AS slept');
      })();
      await sleep(LINGER_MS);
      const heavy = 'SELECT count() AS c FROM numbers(20000000000) WHERE cityHash64(number) % 1000 = 7';
      const answer = await session.query({ text: heavy, canonical: heavy } as unknown as GatedSql).then(
        () => 'answered',
        (error: Error) => error.message,
      );
      settled = true;
      await reading;
      // The engine's limit (wall time) ended it, not the platform's deadline (limit and start-up
      // grace in running time), and the analyst reads that most of that second was waiting.
      expect(answer).toMatch(/Code: 159/);
      expect(answer).not.toMatch(/stopped by the platform/);
      expect(answer).toMatch(/the query waited \d+\.\d s, stopped, while the platform's own reads ran first/);
    } finally {
      await session.close();
    }
  }, 60_000);
});
