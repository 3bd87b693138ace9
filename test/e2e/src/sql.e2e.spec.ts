import type { ApiErrorBody, SqlResponse, SqlSchemaResponse } from '@presales/contracts';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  bearerFor,
  json,
  postJson,
  runUntilExit,
  startPlatform,
  tempDataDir,
  type PlatformProcess,
} from './platform-process.js';

describe('analyst SQL over HTTP and the CLI', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  let analyst: Record<string, string>;
  beforeAll(async () => {
    platform = await startPlatform(data.dir);
    analyst = await bearerFor(platform.url, 'analyst', 'ann');
    await postJson(`${platform.url}api/tenders`, {
      tenderId: 'Q-1',
      opportunityId: 'O-1',
      kind: 'rfp',
      issuer: 'Acme, "Intl"',
      deadline: '2026-04-01T00:00:00Z',
      receivedAt: '2026-03-01T00:00:00Z',
    });
    await postJson(`${platform.url}api/tenders`, {
      tenderId: 'Q-2',
      opportunityId: 'O-2',
      kind: 'tender',
      issuer: '=国家电网',
      deadline: '2026-04-02T00:00:00Z',
      receivedAt: '2026-03-02T00:00:00Z',
    });
  });
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('answers a SELECT for an analyst', async () => {
    const response = await postJson(
      `${platform.url}api/sql`,
      { sql: 'SELECT tender_id, issuer FROM tender_received FINAL' },
      analyst,
    );
    expect(response.status).toBe(200);
    expect(await json<SqlResponse>(response)).toMatchObject({
      columns: [
        { name: 'tender_id', type: 'String' },
        { name: 'issuer', type: 'String' },
      ],
      rows: [
        { tender_id: 'Q-1', issuer: 'Acme, "Intl"' },
        { tender_id: 'Q-2', issuer: '=国家电网' },
      ],
      rowCount: 2,
    });
  });

  it('refuses a role that may not run SQL, with 403', async () => {
    const response = await postJson(
      `${platform.url}api/sql`,
      { sql: 'SELECT 1' },
      await bearerFor(platform.url, 'presales'),
    );
    expect(response.status).toBe(403);
    expect((await json<ApiErrorBody>(response)).error).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/role presales may not do this; allowed: analyst, manager, admin/),
    });
  });

  it('refuses writes with the reason, and the data stays', async () => {
    for (const sql of [
      'DROP TABLE tender_received',
      'SELECT 1; DROP TABLE tender_received',
      "SELECT 1 INTO OUTFILE '/tmp/presales-outfile'",
    ]) {
      const response = await postJson(`${platform.url}api/sql`, { sql }, analyst);
      expect(response.status, sql).toBe(400);
      expect((await json<ApiErrorBody>(response)).error.code).toBe('sql_rejected');
    }
    const count = await json<SqlResponse>(
      await postJson(`${platform.url}api/sql`, { sql: 'SELECT count() AS n FROM tender_received FINAL' }, analyst),
    );
    expect(count.rows).toEqual([{ n: 2 }]);
  });

  it('prints a table and CSV from `presales sql`', async () => {
    const table = await runUntilExit([
      'sql',
      "SELECT tender_id, kind FROM tender_received FINAL WHERE tender_id = 'Q-1'",
      '--url',
      platform.url,
    ]);
    expect(table.code).toBe(0);
    expect(table.output).toMatch(/tender_id\s+kind\n-+\s+-+\nQ-1\s+rfp\n\(1 rows/);
    const csv = await runUntilExit([
      'sql',
      "SELECT issuer FROM tender_received FINAL WHERE tender_id = 'Q-1'",
      '--url',
      platform.url,
      '--format',
      'csv',
    ]);
    expect(csv.output).toBe('issuer\r\n"Acme, ""Intl"""\n');
    const refused = await runUntilExit(['sql', 'DROP TABLE tender_received', '--url', platform.url]);
    expect(refused.code).toBe(2);
    expect(refused.output).toMatch(/presales sql: only a SELECT is allowed; this is a DROP statement/);
  });

  it('publishes the schema: every table and column in both languages, sample values, and examples that run', async () => {
    const response = await apiFetch(`${platform.url}api/sql/schema`, { headers: analyst });
    expect(response.status).toBe(200);
    const schema = await json<SqlSchemaResponse>(response);
    const tenders = schema.tables.find((table) => table.name === 'tender_received')!;
    expect(tenders.meaning['zh-CN']).toMatch(/招标/);
    expect(tenders.rows).toBe(2);
    expect(tenders.columns.find((column) => column.name === 'issuer')).toMatchObject({
      type: 'String',
      meaning: { en: 'Who issued the tender', 'zh-CN': '发标方' },
      samples: ['Acme, "Intl"', '=国家电网'],
    });
    expect(
      schema.tables.every((table) =>
        table.columns.every((column) => column.meaning.en !== '' && column.meaning['zh-CN'] !== ''),
      ),
    ).toBe(true);
    expect(schema.examples.length).toBeGreaterThanOrEqual(5);
    for (const example of schema.examples) {
      const ran = await postJson(`${platform.url}api/sql`, { sql: example.sql }, analyst);
      expect(ran.status, `${example.id}: ${await ran.clone().text()}`).toBe(200);
    }
    expect(
      (await apiFetch(`${platform.url}api/sql/schema`, { headers: await bearerFor(platform.url, 'presales') })).status,
    ).toBe(403);
  }, 180_000);

  it('exports CSV streamed as a file, Excel-friendly on request', async () => {
    const sql = 'SELECT tender_id, issuer, deadline FROM tender_received FINAL ORDER BY tender_id';
    const plain = await postJson(`${platform.url}api/sql`, { sql, format: 'csv' }, analyst);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(plain.headers.get('content-disposition')).toMatch(
      /^attachment; filename="presales-sql-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.csv"$/,
    );
    expect(parse(await plain.text())).toEqual([
      ['tender_id', 'issuer', 'deadline'],
      ['Q-1', 'Acme, "Intl"', '2026-04-01 00:00:00'],
      ['Q-2', '=国家电网', '2026-04-02 00:00:00'],
    ]);
    const excel = await postJson(`${platform.url}api/sql`, { sql, format: 'csv', excel: true }, analyst);
    const bytes = Buffer.from(await excel.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(bytes.toString('utf8'), { bom: true })[2]).toEqual(['Q-2', "'=国家电网", '2026-04-02 00:00:00']);
  });

  it('exports JSON, an array of the rows', async () => {
    const response = await postJson(
      `${platform.url}api/sql`,
      {
        sql: 'SELECT tender_id, count() AS n FROM tender_received FINAL GROUP BY tender_id ORDER BY tender_id',
        format: 'json',
      },
      analyst,
    );
    expect(response.headers.get('content-disposition')).toMatch(/\.json"$/);
    expect(await response.json()).toEqual([
      { tender_id: 'Q-1', n: 1 },
      { tender_id: 'Q-2', n: 1 },
    ]);
  });

  it('refuses an export before its first byte as any query is refused: 4xx JSON saying why', async () => {
    const dropped = await postJson(
      `${platform.url}api/sql`,
      { sql: 'DROP TABLE tender_received', format: 'csv' },
      analyst,
    );
    expect(dropped.status).toBe(400);
    expect(dropped.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await json<ApiErrorBody>(dropped)).error.code).toBe('sql_rejected');
    const unknown = await postJson(
      `${platform.url}api/sql`,
      { sql: 'SELECT nope FROM tender_received', format: 'csv' },
      analyst,
    );
    expect(unknown.status).toBe(400);
    expect((await json<ApiErrorBody>(unknown)).error.message).toMatch(/unknown column|nope/i);
    const badFormat = await postJson(`${platform.url}api/sql`, { sql: 'SELECT 1', format: 'xlsx' }, analyst);
    expect(badFormat.status).toBe(400);
    expect(JSON.stringify(await badFormat.json())).toMatch(/format/);
    const excelJson = await postJson(
      `${platform.url}api/sql`,
      { sql: 'SELECT 1', format: 'json', excel: true },
      analyst,
    );
    expect(excelJson.status).toBe(400);
    expect(JSON.stringify(await excelJson.json())).toMatch(/applies to format csv only/);
  });
});
