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

  it('stops a computing worker for the length of a platform read, then lets it finish', async () => {
    const session = await store.openAnalystSession({
      maxExecutionSeconds: 8,
      maxResultRows: 10,
      maxMemoryBytes: 512 * 2 ** 20,
      export: { maxResultRows: 10, maxExecutionSeconds: 8 },
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

      const during: { state: string; cpu: number }[] = [];
      const sampled = store.query('SELECT sleep(1.5) AS slept');
      // Within the longest stretch a worker waits (MAX_PAUSE_MS): after it, the worker has its turn.
      await sleep(200);
      for (let i = 0; i < 4; i += 1) {
        during.push(stat(worker)!);
        await sleep(150);
      }
      await sampled;
      expect(MAX_PAUSE_MS).toBeGreaterThan(200 + 4 * 150);
      expect(during.map(({ state }) => state)).toEqual(during.map(() => 'T'));
      expect(during.at(-1)!.cpu).toBe(during[0]!.cpu);

      await sleep(LINGER_MS * 4);
      const after = stat(worker);
      // Going on again (or, on a fast machine, already answered by its time limit).
      if (after !== undefined) {
        expect(after.state).not.toBe('T');
        await expect.poll(() => stat(worker)?.cpu ?? Infinity, { timeout: 10_000 }).toBeGreaterThan(after.cpu);
      }
      expect(await answer).toMatch(/answered|Code: 159/);
    } finally {
      await session.close();
    }
  }, 60_000);
});
