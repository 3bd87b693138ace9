import { AnalyticsQueryError, type GatedSql } from '@presales/analytics';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChdbAnalyticsStore } from '../chdb-analytics-store.js';
import { availableIsolation } from './worker-isolation.js';

const isolation = availableIsolation();
const skip =
  isolation.kind === 'os'
    ? undefined
    : 'the tests do not run as root, or the kernel refuses namespaces: workers are plain processes';
if (skip !== undefined) console.warn(`[worker escape] SKIPPED: ${skip}`);

/**
 * The worker's own walls, with the gate taken away (decision 0033): the SQL below reaches the
 * worker as if the gate had let it through, as an attacker who found a hole in it would. The
 * worker must see no host file but the programs it runs, write nothing the host keeps, and
 * reach no network or other process.
 */
describe.skipIf(skip !== undefined)('an analyst worker past a failed gate', () => {
  const host = mkdtempSync(join(tmpdir(), 'presales-host-'));
  const secret = join(host, 'event-store.sqlite');
  let store: ChdbAnalyticsStore;
  let listener: Server;
  let port = 0;
  let connections = 0;

  /** The SQL as it would run had the gate accepted it. */
  const unchecked = (sql: string) => ({ text: sql, canonical: sql }) as unknown as GatedSql;
  const run = async (sql: string) => {
    const session = await store.openAnalystSession(
      {
        maxExecutionSeconds: 10,
        maxResultRows: 10_000,
        maxMemoryBytes: 512 * 2 ** 20,
        export: { maxResultRows: 10_000, maxExecutionSeconds: 10 },
      },
      isolation,
    );
    try {
      return await session.query(unchecked(sql));
    } finally {
      await session.close();
    }
  };
  const refusedWithout = async (sql: string, leaked: RegExp) => {
    const error = await run(sql).then(
      (result) => new Error(`answered: ${JSON.stringify(result.rows).slice(0, 300)}`),
      (error: unknown) => error,
    );
    expect(error, sql).toBeInstanceOf(AnalyticsQueryError);
    expect(String((error as Error).message)).not.toMatch(leaked);
  };

  beforeAll(async () => {
    writeFileSync(secret, 'SQLite format 3 secret-of-the-platform', { mode: 0o644 });
    store = await ChdbAnalyticsStore.open({ path: join(host, 'analytics') });
    listener = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((done) => listener.listen(0, '127.0.0.1', () => done()));
    port = (listener.address() as { port: number }).port;
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    listener?.close();
    rmSync(host, { recursive: true, force: true });
  });

  it('still answers a query, and a query stopped on its limit says so', async () => {
    expect((await run('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    const stopped = await run('SELECT number FROM numbers(100000)').catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(AnalyticsQueryError);
    expect((stopped as AnalyticsQueryError).engineMessage).toMatch(/^Code: 396\. DB::Exception: Limit for r/);
  }, 60_000);

  it.each([
    ['/etc/passwd', /root:/],
    ['/etc/shadow', /root:/],
    [`/proc/${process.pid}/environ`, /PATH=/],
    [`/proc/${process.pid}/cmdline`, /vitest/],
  ])(
    'reads no host file: %s',
    async (path, leaked) => {
      // file() as a function: readonly=1 refuses the table function, not this.
      await refusedWithout(`SELECT file('${path}') AS content`, leaked);
    },
    60_000,
  );

  it("reads no file of the platform's, world-readable or not", async () => {
    await refusedWithout(`SELECT file('${secret}') AS content`, /secret-of-the-platform/);
    await refusedWithout(`SELECT file('${process.cwd()}/package.json') AS content`, /"name"/);
  }, 60_000);

  it('sees no other process', async () => {
    await refusedWithout("SELECT file('/proc/2/cmdline') AS other", /vitest|analyst-worker/);
  }, 60_000);

  it("is process 1 of its own namespace, with nothing of the platform's environment", async () => {
    const { rows } = await run("SELECT file('/proc/1/cmdline') AS command, file('/proc/1/environ') AS environment");
    expect(rows).toEqual([
      { command: expect.stringMatching(/analyst-worker\.mjs/), environment: 'PATH=/usr/bin:/bin\u0000' },
    ]);
  }, 60_000);

  it('writes nothing the host keeps: its /tmp is its own and its root is read-only', async () => {
    const marker = `escape-${process.pid}`;
    for (const path of [join(tmpdir(), marker), join(host, marker), `/usr/${marker}`]) {
      await run(`SELECT 'written' INTO OUTFILE '${path}' FORMAT TSV`).catch(() => undefined);
      expect(existsSync(path), path).toBe(false);
    }
    expect(readdirSync(host).filter((name) => name.includes(marker))).toEqual([]);
  }, 60_000);

  it('connects nowhere', async () => {
    await refusedWithout(`SELECT * FROM url('http://127.0.0.1:${port}/', 'LineAsString', 'line String')`, /secret/);
    expect(connections).toBe(0);
  }, 60_000);
});
