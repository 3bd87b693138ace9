import { describe, expect, it } from 'vitest';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { FACT_TABLES } from '../projection/facts/index.js';
import { backfill, copiedColumnStatements } from './copied-columns.js';

const copiedNames = (name: string) =>
  new Set(FACT_TABLES.find((f) => f.table.name === name)!.payloadColumns.filter((c) => c.copiedFrom !== undefined).map((c) => c.name));

/** A store whose tables have every column but those named. */
function storeLacking(lacking: Record<string, readonly string[]>): AnalyticsStore {
  const rows = FACT_TABLES.flatMap((fact) =>
    fact.table.columns.filter((c) => !(lacking[fact.table.name] ?? []).includes(c.name)).map((c) => ({ table: fact.table.name, name: c.name })),
  );
  return { query: async () => rows } as unknown as AnalyticsStore;
}

describe('copied columns migration', () => {
  it('can fill every copied column from a column of the earlier event’s fact table', () => {
    for (const fact of FACT_TABLES) {
      const copied = copiedNames(fact.table.name);
      if (copied.size > 0) expect(() => backfill(fact, copied), fact.table.name).not.toThrow();
    }
  });

  it('adds only what a table lacks, on the local and Distributed tables of a cluster, then fills and merges it', async () => {
    const statements = await copiedColumnStatements(storeLacking({ activity_completed: ['activity_kind'] }), {
      capabilities: { insertDeduplicationToken: false },
      cluster: 'presales',
    });
    expect(statements.slice(0, 2)).toEqual([
      'ALTER TABLE activity_completed_local ON CLUSTER presales ADD COLUMN activity_kind String',
      'ALTER TABLE activity_completed ON CLUSTER presales ADD COLUMN activity_kind String',
    ]);
    expect(statements[2]).toMatch(/^INSERT INTO activity_completed \(.*\bactivity_kind\b.*\)\nSELECT .*copied__activity_kind.*\nFROM activity_completed AS x FINAL\nANY LEFT JOIN \(SELECT entity_id, kind AS copied__activity_kind FROM activity_scheduled FINAL\) AS earlier USING \(entity_id\)$/);
    expect(statements[2]).toContain('x.opportunity_id');
    expect(statements[3]).toBe('OPTIMIZE TABLE activity_completed_local ON CLUSTER presales FINAL');
    expect(statements).toHaveLength(4);
  });

  it('joins a lookup with a match field on it too', () => {
    const fact = FACT_TABLES.find((f) => f.table.name === 'presales_support_acknowledged')!;
    expect(backfill(fact, copiedNames(fact.table.name))).toContain(
      'ANY LEFT JOIN (SELECT entity_id, request_id, occurred_at_ms AS copied__requested_at_ms, kind AS copied__request_kind, product_line AS copied__request_product_line FROM presales_support_requested FINAL) AS earlier USING (entity_id, request_id)',
    );
  });

  it('refuses to add a missing column no earlier event fills', async () => {
    await expect(copiedColumnStatements(storeLacking({ tender_received: ['issuer'] }), { capabilities: { insertDeduplicationToken: false } })).rejects.toThrow(
      'tender_received lacks issuer, which no earlier event fills: that needs a migration of its own',
    );
  });
});
