import { describe, expect, it } from 'vitest';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { copiedColumnNames } from '../projection/fact-table.js';
import { FACT_TABLES } from '../projection/facts/index.js';
import { backfill, copiedColumnStatements } from './copied-columns.js';

const copiedNames = (name: string) => copiedColumnNames(FACT_TABLES.find((f) => f.table.name === name)!);

/** A store whose tables have every column but those named; in cluster mode, local tables too. */
function storeLacking(lacking: Record<string, readonly string[]>, cluster = false): AnalyticsStore {
  const names = (table: string) => (cluster ? [table, `${table}_local`] : [table]);
  const rows = FACT_TABLES.flatMap((fact) =>
    names(fact.table.name).flatMap((table) =>
      fact.table.columns.filter((c) => !(lacking[table] ?? []).includes(c.name)).map((c) => ({ table, name: c.name })),
    ),
  );
  return { query: async () => rows } as unknown as AnalyticsStore;
}

const COPYING = FACT_TABLES.filter((fact) => copiedNames(fact.table.name).size > 0).map((fact) => fact.table.name);

describe('copied columns migration', () => {
  it('can fill every copied column from a column of the earlier event’s fact table', () => {
    for (const fact of FACT_TABLES) {
      const copied = copiedNames(fact.table.name);
      if (copied.size > 0) expect(() => backfill(fact, copied), fact.table.name).not.toThrow();
    }
  });

  it('adds only what a table lacks, and fills and merges every copying table', async () => {
    const statements = await copiedColumnStatements(storeLacking({ activity_completed: ['activity_kind'] }), {
      capabilities: { insertDeduplicationToken: false },
    });
    expect(statements.filter((s) => s.startsWith('ALTER'))).toEqual([
      'ALTER TABLE activity_completed ADD COLUMN activity_kind String',
    ]);
    // A run cut short after its ALTERs finds nothing to add, and still fills every table.
    const rerun = await copiedColumnStatements(storeLacking({}), { capabilities: { insertDeduplicationToken: false } });
    expect(rerun.filter((s) => s.startsWith('ALTER'))).toEqual([]);
    expect(rerun.filter((s) => s.startsWith('INSERT INTO')).map((s) => s.split(' ')[2])).toEqual(COPYING);
    expect(rerun.filter((s) => s.startsWith('OPTIMIZE')).map((s) => s.split(' ')[2])).toEqual(COPYING);
    const insert = rerun.find((s) => s.startsWith('INSERT INTO activity_completed '))!;
    expect(insert).toMatch(
      /^INSERT INTO activity_completed \(.*\bactivity_kind\b.*\)\nSELECT .*copied__activity_kind.*\nFROM activity_completed AS x FINAL\nANY LEFT JOIN \(SELECT entity_id, opportunity_id AS copied__opportunity_id, kind AS copied__activity_kind, consultant_ids AS copied__consultant_ids FROM activity_scheduled FINAL\) AS earlier USING \(entity_id\)$/,
    );
  });

  it('fills only the tables a later migration names, adding what they lack', async () => {
    const statements = await copiedColumnStatements(
      storeLacking({ activity_completed: ['consultant_ids'], consultant_released: ['assignment_from_ms'] }),
      { capabilities: { insertDeduplicationToken: false } },
      new Set(['activity_completed']),
    );
    expect(statements).toEqual([
      'ALTER TABLE activity_completed ADD COLUMN consultant_ids Array(String)',
      expect.stringMatching(/^INSERT INTO activity_completed /),
      'OPTIMIZE TABLE activity_completed FINAL',
    ]);
  });

  it('on a cluster, alters the local and the Distributed table each only where it lacks the column, and joins shard by shard', async () => {
    const statements = await copiedColumnStatements(
      storeLacking(
        { activity_completed_local: ['activity_kind'], activity_completed: ['activity_kind', 'opportunity_id'] },
        true,
      ),
      {
        capabilities: { insertDeduplicationToken: false },
        cluster: 'presales',
        database: 'analytics',
      },
    );
    expect(statements.filter((s) => s.startsWith('ALTER'))).toEqual([
      'ALTER TABLE analytics.activity_completed_local ON CLUSTER presales ADD COLUMN activity_kind String',
      'ALTER TABLE analytics.activity_completed ON CLUSTER presales ADD COLUMN opportunity_id String',
      'ALTER TABLE analytics.activity_completed ON CLUSTER presales ADD COLUMN activity_kind String',
    ]);
    expect(statements.find((s) => s.startsWith('INSERT INTO activity_completed '))).toMatch(
      /\nSETTINGS distributed_product_mode = 'local', insert_distributed_sync = 1$/,
    );
    // 18.16 fails OPTIMIZE FINAL of a replicated table with nothing to merge: reads use FINAL instead.
    expect(statements.filter((s) => s.startsWith('OPTIMIZE'))).toEqual([]);
  });

  it('joins a lookup with a match field on it too', () => {
    const fact = FACT_TABLES.find((f) => f.table.name === 'presales_support_acknowledged')!;
    expect(backfill(fact, copiedNames(fact.table.name))).toContain(
      'ANY LEFT JOIN (SELECT entity_id, request_id, occurred_at_ms AS copied__requested_at_ms, kind AS copied__request_kind, product_line AS copied__request_product_line FROM presales_support_requested FINAL) AS earlier USING (entity_id, request_id)',
    );
  });

  it('refuses to add a missing column no earlier event fills, and a table that is not there', async () => {
    const target = { capabilities: { insertDeduplicationToken: false } };
    await expect(copiedColumnStatements(storeLacking({ bid_submitted: ['channel'] }), target)).rejects.toThrow(
      'bid_submitted lacks channel, which no earlier event fills: that needs a migration of its own',
    );
    const withoutTables = { query: async () => [] } as unknown as AnalyticsStore;
    await expect(copiedColumnStatements(withoutTables, target)).rejects.toThrow(
      /^presales_support_acknowledged does not exist: migration 0002 creates every fact table/,
    );
  });
});
