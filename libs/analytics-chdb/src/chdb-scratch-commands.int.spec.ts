import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asOfTable, withScratchCopies } from '@presales/analytics';
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

  it('keeps statements apart when one ends in a line comment, and refuses one that holds a ; of its own', async () => {
    const store = await ChdbAnalyticsStore.open({ path, database: 'scratch' });
    try {
      await store.withScratchSession(async (session) => {
        await session.commands!([
          'CREATE TEMPORARY TABLE batch_f AS SELECT toUInt8(1) AS x -- the first',
          'CREATE TEMPORARY TABLE batch_g AS SELECT toUInt8(2) AS x',
        ]);
        expect(await session.query('SELECT x FROM batch_f UNION ALL SELECT x FROM batch_g ORDER BY x')).toEqual([
          { x: 1 },
          { x: 2 },
        ]);
        await expect(session.commands!(['DROP TEMPORARY TABLE batch_f; DROP TEMPORARY TABLE batch_g'])).rejects.toThrow(
          /statement 1 holds a ;/,
        );
        expect(await session.query('SELECT count() AS n FROM batch_f')).toEqual([{ n: 1 }]);
        await session.commands!(['f', 'g'].map((t) => `DROP TEMPORARY TABLE IF EXISTS batch_${t}`));
      });
    } finally {
      await store.close();
    }
  });

  it('leaves no copy in either pooled session when a copy sent with others fails halfway, and copies as the as-of read reads', async () => {
    const store = await ChdbAnalyticsStore.open({ path, database: 'scratch' });
    try {
      // A fact table as the read models are (ReplacingMergeTree(version), one event a key):
      // events recorded before and after asOf, and a column added later and filled by a row
      // inserted again with the same version (decision 0016's copied columns).
      await store.command(
        'CREATE TABLE facts (entity_id String, position UInt64, recorded_at_ms UInt64, version UInt64) ENGINE = ReplacingMergeTree(version) ORDER BY (entity_id, position)',
      );
      await store.command(
        "INSERT INTO facts VALUES ('a', 1, 100, 1), ('a', 2, 300, 2), ('b', 3, 100, 3), ('c', 4, 300, 4)",
      );
      await store.command("ALTER TABLE facts ADD COLUMN copied String DEFAULT ''");
      await store.command(
        "INSERT INTO facts (entity_id, position, recorded_at_ms, version, copied) VALUES ('b', 3, 100, 3, 'filled')",
      );
      const asOf = new Date(200);
      const halfway = withScratchCopies(store, { asOf, tag: 'halfway' }, (copies) =>
        copies.query(
          `SELECT * FROM ${copies.readTable('facts')}, ${copies.readTable('no_such_table')}, ${copies.readTable('facts_again')}`,
        ),
      );
      await expect(halfway).rejects.toThrow(/no_such_table/);
      const temporary = () =>
        store.withScratchSession((session) =>
          session.query<{ name: string }>('SELECT name FROM system.tables WHERE is_temporary'),
        );
      // Both sessions of the pool at once: neither keeps a copy of the failed request.
      expect(await Promise.all([temporary(), temporary()])).toEqual([[], []]);
      const copied = await withScratchCopies(store, { asOf, tag: 'after' }, (copies) =>
        copies.query(`SELECT * FROM ${copies.readTable('facts')} ORDER BY entity_id, position`),
      );
      expect(copied).toEqual(
        await store.query(`SELECT * FROM ${asOfTable('facts', asOf.getTime())} AS t ORDER BY entity_id, position`),
      );
      expect(copied).toEqual([
        { entity_id: 'a', position: 1, recorded_at_ms: 100, version: 1, copied: '' },
        { entity_id: 'b', position: 3, recorded_at_ms: 100, version: 3, copied: 'filled' },
      ]);
    } finally {
      await store.close();
    }
  });
});
