import type { ApiErrorBody, SqlResponse } from '@presales/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, json, postJson, runUntilExit, startPlatform, tempDataDir, type PlatformProcess } from './platform-process.js';

describe('analyst SQL over HTTP and the CLI', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  let analyst: Record<string, string>;
  beforeAll(async () => {
    platform = await startPlatform(data.dir);
    analyst = await bearerFor(platform.url, 'analyst', 'ann');
    await postJson(`${platform.url}api/tenders`, { tenderId: 'Q-1', opportunityId: 'O-1', kind: 'rfp', issuer: 'Acme, "Intl"', deadline: '2026-04-01T00:00:00Z', receivedAt: '2026-03-01T00:00:00Z' });
  });
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('answers a SELECT for an analyst', async () => {
    const response = await postJson(`${platform.url}api/sql`, { sql: 'SELECT tender_id, issuer FROM tender_received FINAL' }, analyst);
    expect(response.status).toBe(200);
    expect(await json<SqlResponse>(response)).toMatchObject({
      columns: [
        { name: 'tender_id', type: 'String' },
        { name: 'issuer', type: 'String' },
      ],
      rows: [{ tender_id: 'Q-1', issuer: 'Acme, "Intl"' }],
      rowCount: 1,
    });
  });

  it('refuses a role that may not run SQL, with 403', async () => {
    const response = await postJson(`${platform.url}api/sql`, { sql: 'SELECT 1' }, await bearerFor(platform.url, 'presales'));
    expect(response.status).toBe(403);
    expect((await json<ApiErrorBody>(response)).error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/role presales may not do this; allowed: analyst, manager, admin/) });
  });

  it('refuses writes with the reason, and the data stays', async () => {
    for (const sql of ['DROP TABLE tender_received', 'SELECT 1; DROP TABLE tender_received', "SELECT 1 INTO OUTFILE '/tmp/presales-outfile'"]) {
      const response = await postJson(`${platform.url}api/sql`, { sql }, analyst);
      expect(response.status, sql).toBe(400);
      expect((await json<ApiErrorBody>(response)).error.code).toBe('sql_rejected');
    }
    const count = await json<SqlResponse>(await postJson(`${platform.url}api/sql`, { sql: 'SELECT count() AS n FROM tender_received FINAL' }, analyst));
    expect(count.rows).toEqual([{ n: 1 }]);
  });

  it('prints a table and CSV from `presales sql`', async () => {
    const table = await runUntilExit(['sql', 'SELECT tender_id, kind FROM tender_received FINAL', '--url', platform.url]);
    expect(table.code).toBe(0);
    expect(table.output).toMatch(/tender_id\s+kind\n-+\s+-+\nQ-1\s+rfp\n\(1 rows/);
    const csv = await runUntilExit(['sql', 'SELECT issuer FROM tender_received FINAL', '--url', platform.url, '--format', 'csv']);
    expect(csv.output).toBe('issuer\r\n"Acme, ""Intl"""\n');
    const refused = await runUntilExit(['sql', 'DROP TABLE tender_received', '--url', platform.url]);
    expect(refused.code).toBe(2);
    expect(refused.output).toMatch(/presales sql: only a SELECT is allowed; this is a DROP statement/);
  });
});
