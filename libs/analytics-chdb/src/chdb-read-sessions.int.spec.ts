import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChdbAnalyticsStore } from './chdb-analytics-store.js';

describe('chDB read sessions', () => {
  // One data folder per test file: chDB allows one per process at a time.
  const path = mkdtempSync(join(tmpdir(), 'presales-chdb-reads-'));
  afterAll(() => rmSync(path, { recursive: true, force: true }));

  it('refuses a read session count that is not a positive integer, naming the store', async () => {
    await expect(ChdbAnalyticsStore.open({ path, readSessions: 0 })).rejects.toThrow(
      `chDB store at ${path}: readSessions must be a positive integer, got 0`,
    );
  });

  it('runs as many queries at once as it has read sessions, the rest in turn, and refuses queries once closed', async () => {
    const store = await ChdbAnalyticsStore.open({ path, database: 'reads', readSessions: 1 });
    expect(store.capabilities.concurrentQueries).toBe(1);
    await store.command('CREATE TABLE t (n UInt32) ENGINE = MergeTree ORDER BY n');
    await store.insert('t', [{ n: 7 }]);
    const answers = await Promise.all(
      [1, 2, 3].map((i) => store.query<{ i: number; n: number }>(`SELECT toUInt32(${i}) AS i, n FROM t`)),
    );
    expect(answers).toEqual([1, 2, 3].map((i) => [{ i, n: 7 }]));
    await store.close();
    await expect(store.query('SELECT 1')).rejects.toThrow(`chDB read sessions at ${path}: closed`);
  });
});
