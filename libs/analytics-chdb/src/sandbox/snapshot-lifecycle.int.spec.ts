import type { GatedSql } from '@presales/analytics';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChdbAnalyticsStore } from '../chdb-analytics-store.js';
import { availableIsolation } from './worker-isolation.js';

const gated = (sql: string) => ({ text: sql, canonical: sql }) as unknown as GatedSql;

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 50)))
    if (condition()) return true;
  return condition();
}

/**
 * Each analyst query's snapshot is removed once its answer has gone (in a child process at the
 * idle class, issue 16), three queries at once included, and closing the session leaves nothing.
 */
describe('analyst snapshots', () => {
  const dir = mkdtempSync(join(tmpdir(), 'presales-snapshots-'));
  const dataPath = join(dir, 'analytics');
  let store: ChdbAnalyticsStore;

  beforeAll(async () => {
    store = await ChdbAnalyticsStore.open({ path: dataPath });
    await store.command('CREATE TABLE facts (id UInt32) ENGINE = MergeTree ORDER BY id');
    await store.command('INSERT INTO facts SELECT number FROM numbers(1000)');
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are removed after the answers, and the session folder with the session', async () => {
    const session = await store.openAnalystSession(
      {
        maxExecutionSeconds: 10,
        maxResultRows: 10_000,
        maxMemoryBytes: 512 * 2 ** 20,
        export: { maxResultRows: 10_000, maxExecutionSeconds: 10 },
      },
      availableIsolation(),
    );
    const root = readdirSync(dir)
      .map((name) => join(dir, name))
      .find((path) => path.endsWith('.analyst'));
    const snapshotsIn = (folder: string) => readdirSync(folder).filter((name) => name !== '.root');
    const answers = await Promise.all(
      [1, 2, 3].map((n) => session.query(gated(`SELECT count() + ${n} AS n FROM facts`))),
    );
    expect(answers.map((answer) => Number(answer.rows[0]!['n']))).toEqual([1001, 1002, 1003]);
    // Where the snapshots go depends on who may reach the data folder (data-snapshot.ts).
    const folder =
      root ??
      readdirSync(tmpdir())
        .map((name) => join(tmpdir(), name))
        .find((path) => path.endsWith(`presales-analyst-${process.pid}`));
    expect(folder, 'the snapshots folder').toBeDefined();
    expect(await until(() => snapshotsIn(folder!).length === 0, 15_000), snapshotsIn(folder!).join(', ')).toBe(true);
    await session.close();
    expect(existsSync(folder!)).toBe(false);
  });
});
