import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AnalyticsQueryError,
  type AnalyticsStore,
  type AnalystLimits,
  type AnalystResult,
  type AnalystSession,
} from '../analytics-store.port.js';
import { projectEvents } from '../projection/project-events.js';
import { migrate } from '../schema/migrations.js';
import { NO_CONTEXT, recordedTender } from './fixtures.js';
import { ungatedForTests } from './ungated-sql.js';

/** The limits the test ClickHouse server's analyst profile has too (infra/clickhouse/users.xml). */
export const TEST_ANALYST_LIMITS: AnalystLimits = {
  maxExecutionSeconds: 5,
  maxResultRows: 100_000,
  maxMemoryBytes: 1_000_000_000,
  export: { maxResultRows: 1_000_000, maxExecutionSeconds: 60 },
};

/**
 * What an analyst session holds by itself, behind the gate (decisions 9 and 0024): SQL handed
 * to it ungated is still refused by the engine's read-only session or user, stopped at its
 * limits, and nothing is read, written or connected — checked by looking at the tables, the
 * file system and a loopback listener, not only at the error. The gate's own refusals (INTO
 * OUTFILE, file() as a function, SETTINGS, FORMAT…) are tested with the engine's parser.
 */
export function describeAnalystSqlContract(openStore: () => Promise<AnalyticsStore>): void {
  describe('analyst SQL', () => {
    let store: AnalyticsStore;
    let session: AnalystSession;
    let scratch: string;
    let listener: Server;
    let listenerPort = 0;
    let connections = 0;

    const tenderCount = async () =>
      (await store.query<{ n: number }>('SELECT count() AS n FROM tender_received FINAL'))[0]!.n;
    const run = (sql: string): Promise<AnalystResult> => session.query(ungatedForTests(sql));
    const refused = async (sql: string) => {
      const error = await run(sql).then(
        (result) => new Error(`accepted with ${result.rows.length} rows: ${sql}`),
        (e: unknown) => e,
      );
      expect(error, sql).toBeInstanceOf(AnalyticsQueryError);
      return { reason: (error as AnalyticsQueryError).engineMessage };
    };

    beforeAll(async () => {
      store = await openStore();
      await migrate(store);
      for (const [table, rows] of projectEvents(
        [recordedTender(1n, 'A-1', '2026-01-05T00:00:00.000Z', '2026-01-05T00:00:01.000Z')],
        NO_CONTEXT,
      ))
        await store.insert(table, rows);
      session = await store.openAnalystSession(TEST_ANALYST_LIMITS);
      scratch = mkdtempSync(join(tmpdir(), 'presales-analyst-'));
      listener = createServer((socket) => {
        connections += 1;
        socket.destroy();
      });
      await new Promise<void>((done) => listener.listen(0, '127.0.0.1', () => done()));
      listenerPort = (listener.address() as { port: number }).port;
    });
    afterAll(async () => {
      await session?.close();
      listener?.close();
      rmSync(scratch, { recursive: true, force: true });
    });

    it('answers a SELECT with column names, types and rows', async () => {
      const result = await run('SELECT tender_id, count() AS n FROM tender_received FINAL GROUP BY tender_id');
      expect(result.columns).toEqual([
        { name: 'tender_id', type: 'String' },
        { name: 'n', type: 'UInt64' },
      ]);
      expect(result.rows).toEqual([{ tender_id: 'A-1', n: 1 }]);
    });

    it('refuses DROP, INSERT, ALTER, CREATE and multi-statements, and changes nothing', async () => {
      expect((await refused('DROP TABLE tender_received')).reason).toMatch(/readonly/i);
      await refused("INSERT INTO tender_received (tender_id) VALUES ('X')");
      await refused('ALTER TABLE tender_received DELETE WHERE 1 = 1');
      await refused('CREATE TABLE sneaky (x UInt8) ENGINE = Memory');
      await refused('TRUNCATE TABLE tender_received');
      expect(await tenderCount()).toBe(1);
      expect(await store.query("SELECT name FROM system.tables WHERE name = 'sneaky'")).toEqual([]);
    });

    it('refuses lifting its own limits', async () => {
      await refused('SELECT 1 SETTINGS readonly = 0');
      await refused('SET readonly = 0');
      await refused('SELECT 1 SETTINGS max_execution_time = 0');
    });

    it('stops a query that would run forever and one with too many rows', async () => {
      expect((await refused('SELECT count() FROM system.numbers')).reason).toMatch(/Code: (159|158)\b/);
      expect((await refused('SELECT number FROM system.numbers LIMIT 200000')).reason).toMatch(/Code: 396\b/);
    });

    it('never hands the output of a query stopped at a limit to the next one', async () => {
      await refused('SELECT number FROM system.numbers LIMIT 200000');
      const next = await run('SELECT tender_id FROM tender_received FINAL');
      expect(next.rows).toEqual([{ tender_id: 'A-1' }]);
    });

    it('reads no host file: /etc/passwd, nor the event store SQLite file', async () => {
      const eventStoreFile = join(scratch, 'events.sqlite');
      writeFileSync(eventStoreFile, 'SQLite format 3\0 secret-event-data\n');
      await refused("SELECT * FROM file('/etc/passwd', 'TSV', 'line String')");
      await refused(`SELECT * FROM file('${eventStoreFile}', 'TSV', 'line String')`);
      await refused(`SELECT * FROM sqlite('${eventStoreFile}', 'events')`);
    });

    it('writes no file: INSERT INTO FUNCTION file()', async () => {
      const target = join(scratch, 'written.tsv');
      await refused(`INSERT INTO FUNCTION file('${target}', 'TSV', 'x String') VALUES ('pwned')`);
      expect(existsSync(target)).toBe(false);
    });

    it('opens no connection and runs no process: url(), remote(), s3(), executable()', async () => {
      const marker = join(scratch, 'executed');
      await refused(`SELECT * FROM url('http://127.0.0.1:${listenerPort}/x', 'TSV', 'x String')`);
      await refused(`SELECT * FROM remote('127.0.0.1:${listenerPort}', system.one)`);
      await refused(`SELECT * FROM s3('http://127.0.0.1:${listenerPort}/bucket/key.tsv', 'TSV', 'x String')`);
      await refused(`SELECT * FROM executable('touch ${marker}', 'TSV', 'x String')`);
      await new Promise((r) => setTimeout(r, 200));
      expect(connections).toBe(0);
      expect(existsSync(marker)).toBe(false);
    });
  });
}
