import { KPI_CATALOG, MATURITY_PRACTICES } from '@presales/kpi';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsStore, ScratchSession } from '../analytics-store.port.js';
import { assessMaturity } from '../maturity/assess-maturity.js';
import { PROJECTED_TABLES } from '../schema/tables.js';
import { migrate } from '../schema/migrations.js';
import { TEST_FX } from './kpi.contract.js';

/**
 * How many times the engine read each table for one maturity request's practices (levels 2 and
 * 3, decision 0040), counted by the engine: a ClickHouse server's query log (statements tagged
 * with the request), or, in chDB, which keeps no query log, the engine's own plan of each
 * statement the request sent (each `ReadFromMergeTree` step is one read of its table).
 */
async function tableReadsOfOneRequest(store: AnalyticsStore): Promise<Map<string, number>> {
  const tag = `reads-${randomUUID()}`;
  const sent: string[] = [];
  const recording: AnalyticsStore = Object.create(store, {
    withScratchSession: {
      value: <T>(work: (session: ScratchSession) => Promise<T>) =>
        store.withScratchSession((session) =>
          work({
            database: session.database,
            command: (sql) => (sent.push(sql), session.command(sql)),
            query: <Row extends object>(sql: string) => (sent.push(sql), session.query<Row>(sql)),
          }),
        ),
    },
  });
  await assessMaturity(recording, {
    asOf: new Date('2026-08-15T00:00:00Z'),
    windowQuarters: 2,
    threshold: 0.8,
    definitions: KPI_CATALOG,
    fx: TEST_FX,
    tag,
  });
  const texts = store.engine === 'clickhouse' ? await loggedStatements(store, tag) : await plannedReads(store, sent);
  const reads = new Map<string, number>();
  for (const { name } of PROJECTED_TABLES) {
    const count = texts.reduce((sum, text) => sum + (text.match(readsOf(name)) ?? []).length, 0);
    if (count > 0) reads.set(name, count);
  }
  return reads;
}

/** A read of the table named `table` in a statement's text or plan (not of its scratch copy). */
const readsOf = (table: string) => new RegExp(`(?:\\bFROM\\s+|ReadFromMergeTree \\()(?:\\w+\\.)?${table}\\b`, 'g');

/** The request's statements as the server logged them finished (type 2: an Enum8 later, a UInt8 in 18.16). */
async function loggedStatements(store: AnalyticsStore, tag: string): Promise<string[]> {
  await store.command('SYSTEM FLUSH LOGS');
  const rows = await store.query<{ query: string }>(
    `SELECT query FROM system.query_log WHERE toUInt8(type) = 2 AND query LIKE '%maturity ${tag} %'`,
  );
  expect(rows.length, 'the server logged the request').toBeGreaterThan(0);
  return rows.map((row) => row.query);
}

/** chDB's plan of each statement sent, replayed in order in a session of its own. */
async function plannedReads(store: AnalyticsStore, sent: readonly string[]): Promise<string[]> {
  return store.withScratchSession(async (session) => {
    const plans: string[] = [];
    for (const tagged of sent) {
      const sql = tagged.replace(/^\/\* maturity [\w-]+ \*\/ /, '');
      const create = /^CREATE TEMPORARY TABLE \w+ AS (SELECT[\s\S]*)$/.exec(sql);
      if (create === null && !sql.startsWith('SELECT')) continue;
      const plan = await session.query<{ explain: string }>(`EXPLAIN PLAN ${create?.[1] ?? sql}`);
      plans.push(plan.map((row) => row.explain).join('\n'));
      if (create !== null) await session.command(tagged);
    }
    for (const sql of sent) if (sql.startsWith('DROP ')) await session.command(sql);
    return plans;
  });
}

/** Maturity's levels 2 and 3 read each table they need once per request, counted by the engine. */
export function describeMaturityReadsContract(openStore: () => Promise<AnalyticsStore>): void {
  describe('maturity reads', () => {
    let store: AnalyticsStore;
    beforeAll(async () => {
      store = await openStore();
      await migrate(store);
    });

    it('reads every table the practices name exactly once in one request', async () => {
      const named = new Set(
        MATURITY_PRACTICES.flatMap((practice) => [...practice.sql.matchAll(/\{\{t:(\w+)\}\}/g)].map((m) => m[1]!)),
      );
      // {{closures}} reads the three closing events.
      for (const closing of ['opportunity_won', 'opportunity_lost', 'opportunity_qualified_out']) named.add(closing);
      // A row in each, all columns at their defaults: chDB plans no read of an empty table.
      for (const table of named) await store.command(`INSERT INTO ${table} (recorded_at_ms) VALUES (0)`);
      const reads = await tableReadsOfOneRequest(store);
      expect([...reads.keys()].sort()).toEqual([...named].sort());
      expect([...reads].filter(([, count]) => count !== 1)).toEqual([]);
    });
  });
}
