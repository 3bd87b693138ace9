import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChdbAnalyticsStore } from './chdb-analytics-store.js';

/** Decision 0050: a maturity's copies and drops go to chDB as one text of statements. */
describe('chDB scratch session: several statements in one call', () => {
  // One data folder per test file: chDB allows one per process at a time.
  const path = mkdtempSync(join(tmpdir(), 'presales-chdb-scratch-'));
  afterAll(() => rmSync(path, { recursive: true, force: true }));

  it('runs them in order, each seeing the one before, and stops at the first that fails, naming it', async () => {
    const store = await ChdbAnalyticsStore.open({ path, database: 'scratch' });
    try {
      await store.withScratchSession(async (session) => {
        const temporary = async () =>
          (
            await session.query<{ name: string }>(
              "SELECT name FROM system.tables WHERE is_temporary AND name LIKE 'batch_%' ORDER BY name",
            )
          ).map((row) => row.name);
        expect(session.commands).toBeDefined();
        await session.commands!([
          'CREATE TEMPORARY TABLE batch_a AS SELECT toUInt8(1) AS x',
          'CREATE TEMPORARY TABLE batch_b AS SELECT x + 1 AS x FROM batch_a',
        ]);
        expect(await session.query('SELECT x FROM batch_b')).toEqual([{ x: 2 }]);
        await expect(
          session.commands!([
            'CREATE TEMPORARY TABLE batch_c AS SELECT toUInt8(1) AS x',
            'CREATE TEMPORARY TABLE batch_d AS SELECT no_such_column FROM batch_a',
            'CREATE TEMPORARY TABLE batch_e AS SELECT toUInt8(1) AS x',
          ]),
        ).rejects.toThrow(/no_such_column/);
        expect(await temporary()).toEqual(['batch_a', 'batch_b', 'batch_c']);
        await session.commands!(['a', 'b', 'c'].map((t) => `DROP TEMPORARY TABLE IF EXISTS batch_${t}`));
        expect(await temporary()).toEqual([]);
      });
    } finally {
      await store.close();
    }
  });
});
