import { KPI_CATALOG, MATURITY_PRACTICES, PROCESS_AREAS } from '@presales/kpi';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsStore, ScratchSession } from '../analytics-store.port.js';
import { assessMaturity } from '../maturity/assess-maturity.js';
import { PROJECTED_TABLES } from '../schema/tables.js';
import { migrate } from '../schema/migrations.js';
import { TEST_FX } from './kpi.contract.js';

/**
 * How many times the engine read each table for one whole maturity request (the practices of
 * levels 2 and 3, decision 0040; the window's scorecards of levels 4 and 5, decision 0045),
 * counted by the engine: a ClickHouse server's query log (statements tagged
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
            // Copies and drops go as one call where the engine takes several (decision 0050).
            ...(session.commands === undefined
              ? {}
              : {
                  commands: (statements: readonly string[]) => (
                    sent.push(...statements),
                    session.commands!(statements)
                  ),
                }),
            query: <Row extends object>(sql: string) => (sent.push(sql), session.query<Row>(sql)),
            ...(session.queryUserSql === undefined
              ? {}
              : {
                  queryUserSql: <Row extends object>(sql: string, copyReads: number) => (
                    sent.push(sql),
                    session.queryUserSql!<Row>(sql, copyReads)
                  ),
                }),
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

/** The tables a template names through its macros (`{{t:table}}`, `{{closures}}`). */
function tablesNamedBy(template: string): string[] {
  const named = [...template.matchAll(/\{\{t:(\w+)\}\}/g)].map((m) => m[1]!);
  if (template.includes('{{closures}}')) named.push('opportunity_won', 'opportunity_lost', 'opportunity_qualified_out');
  return named;
}

/** A whole maturity request reads each table it needs once, levels 2 to 5, counted by the engine. */
export function describeMaturityReadsContract(openStore: () => Promise<AnalyticsStore>): void {
  describe('maturity reads', () => {
    let store: AnalyticsStore;
    beforeAll(async () => {
      store = await openStore();
      await migrate(store);
    });

    it('reads every table its practices, KPIs and PDCA records name exactly once in one request', async () => {
      const named = new Set([
        ...MATURITY_PRACTICES.flatMap((practice) => tablesNamedBy(practice.sql)),
        ...KPI_CATALOG.filter((kpi) => PROCESS_AREAS.includes(kpi.area)).flatMap((kpi) => tablesNamedBy(kpi.sql)),
        // Plan's targets and Act's actions of each quarter (the actions' progress is read only
        // for actions raised, and the row below raises none for the window's quarters).
        'kpi_target_set',
        'corrective_action_raised',
      ]);
      // A row in each, all columns at their defaults: chDB plans no read of an empty table.
      for (const table of named) await store.command(`INSERT INTO ${table} (recorded_at_ms) VALUES (0)`);
      const reads = await tableReadsOfOneRequest(store);
      expect([...reads.keys()].sort()).toEqual([...named].sort());
      expect([...reads].filter(([, count]) => count !== 1)).toEqual([]);
    });
  });
}
