import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsQueryError, SqlDecimal, type AnalyticsStore } from '../analytics-store.port.js';
import { projectEvents } from '../projection/project-events.js';
import { tendersReceivedByMonth } from '../queries/tenders-received.js';
import { migrate, MigrationFailedError, MIGRATIONS, MIGRATIONS_TABLE } from '../schema/migrations.js';
import { sqlValue } from '../sql/escape.js';
import { describeAnalystSqlContract } from './analyst-sql.contract.js';
import { describeExampleQueriesContract } from './example-queries.contract.js';
import { describeCopiedColumnsContract } from './copied-columns.contract.js';
import { describeKpiSqlContract } from './kpi.contract.js';
import { describeKeptValuesContract } from './kept-values.contract.js';
import { describeMaturityReadsContract } from './maturity-reads.contract.js';
import { describeRecordSearchContract } from './record-search.contract.js';
import { describeStaffingLibraryContract } from './staffing-library.contract.js';
import { describeWeekLoadContract } from './week-load.contract.js';
import { NO_CONTEXT, recordedTender } from './fixtures.js';
import { skipUnlessAvailable, type SkippableEngine } from '@presales/event-store/testing';

export interface AnalyticsStoreUnderTest {
  /** A store bound to a database of its own, created empty. */
  readonly openDatabase: (database: string) => Promise<AnalyticsStore>;
  readonly cleanup: () => Promise<void>;
}

/** A store to test, or the engine it needs and why that engine is not there (see skipUnlessAvailable). */
export type AnalyticsStoreFactory =
  | { readonly open: () => Promise<AnalyticsStoreUnderTest> }
  | { readonly skip: string; readonly engine: SkippableEngine };

let sequence = 0;
function uniqueDatabase(): string {
  sequence += 1;
  return `t_${Date.now().toString(36)}_${sequence}`;
}

/** The one AnalyticsStore contract (DESIGN.md decision 1), run by chDB and ClickHouse server alike. */
export function describeAnalyticsStoreContract(adapterName: string, factory: AnalyticsStoreFactory): void {
  if ('skip' in factory) {
    skipUnlessAvailable(`AnalyticsStore contract: ${adapterName}`, factory.engine, factory.skip);
    describe.skip(`AnalyticsStore contract: ${adapterName} (skipped: ${factory.skip})`, () => {
      it('runs when its engine is reachable', () => undefined);
    });
    return;
  }

  describe(`AnalyticsStore contract: ${adapterName}`, () => {
    let engine: AnalyticsStoreUnderTest;
    const opened: AnalyticsStore[] = [];
    const fresh = async () => {
      const store = await engine.openDatabase(uniqueDatabase());
      opened.push(store);
      return store;
    };
    beforeAll(async () => {
      engine = await factory.open();
    });
    afterAll(async () => {
      for (const store of opened) await store.close();
      await engine?.cleanup();
    });

    it('reports its version and returns 64-bit integers as numbers', async () => {
      const store = await fresh();
      expect(await store.serverVersion()).toMatch(/^\d+\.\d+/);
      const rows = await store.query<{ n: number; s: string }>(`SELECT toUInt64(9007199254740991) AS n, 'x' AS s`);
      expect(rows).toEqual([{ n: 9007199254740991, s: 'x' }]);
    });

    it('round-trips every value through the escaping function unchanged', async () => {
      const store = await fresh();
      const values = [
        "O'Brien",
        'back\\slash',
        "quote\\'mix",
        'tab\tnew\nline\r',
        '华为云 — ünïcödé 🚀',
        "x'); DROP TABLE events; --",
        "\\'; SELECT 1; --",
        'nul\0byte',
      ];
      for (const value of values) {
        const rows = await store.query<{ v: string }>(`SELECT ${sqlValue(value)} AS v`);
        expect(rows).toEqual([{ v: value }]);
      }
    });

    it('stores decimals digit for digit and string arrays', async () => {
      const store = await fresh();
      await store.command(
        'CREATE TABLE money (id String, amount Decimal(18, 4), lines Array(String), version UInt64) ENGINE = ReplacingMergeTree(version) ORDER BY id',
      );
      await store.insert('money', [
        { id: 'a', amount: new SqlDecimal('99999999999999.1234'), lines: ['x', "y'z"], version: 1 },
        { id: 'b', amount: new SqlDecimal('-0.0001'), lines: [], version: 1 },
      ]);
      const rows = await store.query<{ id: string; amount: string; lines: string[] }>(
        'SELECT id, toString(amount) AS amount, lines FROM money FINAL ORDER BY id',
      );
      expect(rows).toEqual([
        { id: 'a', amount: '99999999999999.1234', lines: ['x', "y'z"] },
        { id: 'b', amount: '-0.0001', lines: [] },
      ]);
      const [total] = await store.query<{ total: string }>('SELECT toString(sum(amount)) AS total FROM money FINAL');
      expect(total).toEqual({ total: '99999999999999.1233' });
    });

    for (const how of ['insert', 'beginInsert'] as const) {
      it(`inserts every string unchanged, in columns and in arrays, whatever it contains (${how})`, async () => {
        const store = await fresh();
        await store.command(
          'CREATE TABLE texts (id UInt32, text String, list Array(String), maybe Nullable(String), version UInt64) ENGINE = ReplacingMergeTree(version) ORDER BY id',
        );
        const values = [
          "O'Brien",
          'back\\slash',
          "quote\\'mix",
          'dq"uote',
          'tab\tnew\nline\r',
          '华为云 — ünïcödé 🚀',
          "x'); DROP TABLE texts; --",
          "\\'; SELECT 1; --",
          'nul\0byte',
          ']\n[1,"x"]',
          '}\n{"id":9}',
          '\u2028\u2029',
        ];
        const rows = values.map((text, id) => ({
          id,
          text,
          list: [text, ''],
          maybe: id % 2 === 0 ? null : text,
          version: 1,
        }));
        if (how === 'insert') await store.insert('texts', rows, { deduplicationToken: "texts:1-12 'quoted'" });
        else {
          const insert = store.beginInsert('texts');
          for (const row of rows) insert.add(row);
          expect(insert.rowCount).toBe(rows.length);
          await insert.send({ deduplicationToken: "texts:1-12 'quoted'" });
        }
        const stored = await store.query<{ id: number; text: string; list: string[]; maybe: string | null }>(
          'SELECT id, text, list, maybe FROM texts FINAL ORDER BY id',
        );
        expect(stored).toEqual(
          values.map((text, id) => ({ id, text, list: [text, ''], maybe: id % 2 === 0 ? null : text })),
        );
      });
    }

    it('runs queries read-only: a write or a setting sent as a query is refused and changes nothing', async () => {
      const store = await fresh();
      await store.command('CREATE TABLE guarded (n UInt32) ENGINE = MergeTree ORDER BY n');
      await store.insert('guarded', [{ n: 1 }]);
      // ClickHouse 18.16 refuses it earlier: the client appends FORMAT to the statement.
      await expect(store.query('INSERT INTO guarded SELECT 2')).rejects.toThrow(/readonly|Syntax error/i);
      await expect(store.query('SELECT count() AS n FROM guarded SETTINGS readonly = 0')).rejects.toThrow(/readonly/i);
      expect(await store.query('SELECT count() AS n FROM guarded')).toEqual([{ n: 1 }]);
    });

    it('answers queries sent at once, each its own, and reads every insert that has settled', async () => {
      const store = await fresh();
      expect(store.capabilities.concurrentQueries).toBeGreaterThanOrEqual(1);
      await store.command('CREATE TABLE counted (n UInt32) ENGINE = MergeTree ORDER BY n');
      for (let n = 1; n <= 3; n += 1) {
        await store.insert('counted', [{ n }]);
        expect(await store.query<{ c: number }>('SELECT count() AS c FROM counted')).toEqual([{ c: n }]);
      }
      const queries = Array.from({ length: 3 * store.capabilities.concurrentQueries + 1 }, (_, i) => i);
      const answers = await Promise.all(
        queries.map((i) =>
          store.query<{ i: number; c: number }>(`SELECT toUInt32(${i}) AS i, count() AS c FROM counted`),
        ),
      );
      expect(answers).toEqual(queries.map((i) => [{ i, c: 3 }]));
    });

    it('answers a page of a sorted statement with the number of rows before its LIMIT', async () => {
      const store = await fresh();
      await store.command('CREATE TABLE paged (n UInt32, label String) ENGINE = MergeTree ORDER BY n');
      await store.insert(
        'paged',
        Array.from({ length: 50 }, (_, n) => ({ n, label: `row ${n % 7}` })),
      );
      // Sorted on something other than the table's key, after a grouping, from a subquery: the
      // engine must count every row it sorted, not stop at the page.
      const page = await store.queryPage<{ label: string; c: number }>(
        'SELECT label, count() AS c FROM (SELECT n, label FROM paged WHERE n % 2 = 0) AS t GROUP BY label ORDER BY c DESC, label LIMIT 1, 2',
      );
      expect(page).toEqual({
        total: 7,
        rows: [
          { label: 'row 2', c: 4 },
          { label: 'row 4', c: 4 },
        ],
      });
      const rows = await store.queryPage<{ n: number }>(
        'SELECT n FROM paged WHERE n >= 10 ORDER BY n % 10 DESC, n LIMIT 3',
      );
      expect(rows).toEqual({ total: 40, rows: [{ n: 19 }, { n: 29 }, { n: 39 }] });
      expect(await store.queryPage('SELECT n FROM paged WHERE n > 100 ORDER BY n LIMIT 5')).toEqual({
        total: 0,
        rows: [],
      });
      expect(await store.queryPage<{ n: number }>('SELECT n FROM paged WHERE n < 2 ORDER BY n')).toEqual({
        total: 2,
        rows: [{ n: 0 }, { n: 1 }],
      });
    });

    it('reports engine errors with the engine message and the statement', async () => {
      const store = await fresh();
      const error = await store.query('SELECT * FROM no_such_table').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AnalyticsQueryError);
      expect((error as AnalyticsQueryError).engineMessage).toMatch(/no_such_table/);
      expect((error as AnalyticsQueryError).sql).toBe('SELECT * FROM no_such_table');
      // The engine's code survives whichever client and server: callers decide by it.
      expect((error as AnalyticsQueryError).code).toBe(60);
      expect([undefined, 'UNKNOWN_TABLE']).toContain((error as AnalyticsQueryError).type);
      expect((error as AnalyticsQueryError).statementFault).toBe(true);
      // Failed queries give their connections back: with as many failing at once as the store
      // runs, a leak would leave the queries after them waiting for ever.
      const slots = store.capabilities.concurrentQueries;
      const failed = await Promise.allSettled(
        Array.from({ length: slots }, () => store.query('SELECT * FROM no_such_table')),
      );
      expect(failed.every((result) => result.status === 'rejected')).toBe(true);
      const after = await Promise.all(
        Array.from({ length: slots + 1 }, (_, i) => store.query<{ i: number }>(`SELECT ${i} AS i`)),
      );
      expect(after.flat().map((row) => row.i)).toEqual(Array.from({ length: slots + 1 }, (_, i) => i));
    });

    it('applies migrations once, records them, and is safe to rerun', async () => {
      const store = await fresh();
      expect(await migrate(store)).toEqual(MIGRATIONS.map((m) => m.name));
      expect(await migrate(store)).toEqual([]);
      const recorded = await store.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} FINAL ORDER BY id`);
      expect(recorded.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    });

    it('stops on a failed migration with its name and the server message', async () => {
      const store = await fresh();
      const broken = [
        { id: 1, name: '0001_broken', statements: () => ['CREATE TABLE broken (x NoSuchType) ENGINE = Memory'] },
      ];
      const error = await migrate(store, {}, broken).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationFailedError);
      expect((error as Error).message).toMatch(/^analytics migration 0001_broken failed: .*NoSuchType/);
      expect(await store.query(`SELECT id FROM ${MIGRATIONS_TABLE}`)).toEqual([]);
    });

    it('projects tenders, absorbs a replayed batch, and answers the monthly count with asOf', async () => {
      const store = await fresh();
      await migrate(store);
      const events = [
        recordedTender(1n, 'T-1', '2026-01-10T08:00:00.000Z', '2026-01-10T08:00:01.000Z'),
        recordedTender(2n, 'T-2', '2026-01-31T23:59:59.000Z', '2026-02-01T00:00:01.000Z'),
        recordedTender(3n, 'T-3', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z'),
      ];
      const insertBatch = async () => {
        for (const [table, rows] of projectEvents(events, NO_CONTEXT))
          await store.insert(table, rows, { deduplicationToken: `${table}:1-3` });
      };
      await insertBatch();
      await insertBatch(); // a crash between insert and checkpoint replays the batch
      const all = await tendersReceivedByMonth(store);
      expect(all.points).toEqual([
        { period: '2026-01', tenders: 2 },
        { period: '2026-03', tenders: 1 },
      ]);
      expect(all.sql).toContain('FROM tender_received FINAL');
      const asOf = await tendersReceivedByMonth(store, { asOf: new Date('2026-02-01T00:00:00.000Z') });
      expect(asOf.points).toEqual([{ period: '2026-01', tenders: 1 }]);
      const [events_] = await store.query<{ n: number }>('SELECT count() AS n FROM events FINAL');
      expect(events_).toEqual({ n: 3 });
      const [row] = await store.query<Record<string, unknown>>(
        "SELECT issuer, deadline, deadline_ms FROM tender_received FINAL WHERE tender_id = 'T-1'",
      );
      expect(row).toEqual({
        issuer: "Issuer of T-1 'quoted' 华为",
        deadline: '2026-02-01 09:00:00',
        deadline_ms: Date.parse('2026-02-01T09:00:00Z'),
      });
    });

    describeAnalystSqlContract(fresh);
    describeKpiSqlContract(fresh);
    describeKeptValuesContract(fresh);
    describeMaturityReadsContract(fresh);
    describeCopiedColumnsContract(fresh);
    describeRecordSearchContract(fresh);
    describeStaffingLibraryContract(fresh);
    describeWeekLoadContract(fresh);
    describeExampleQueriesContract(fresh);
  });
}
