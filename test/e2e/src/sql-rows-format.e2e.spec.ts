import type { ApiErrorBody, SqlResponse, SqlRowsResponse } from '@presales/contracts';
import * as answers from '@presales/contracts/answers';
import { clickHouseSkipReason, startClickHouseServer, type RunningClickHouse } from '@presales/clickhouse-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, json, postJson, startPlatform, tempDataDir, type PlatformProcess } from './platform-process.js';

const skip = clickHouseSkipReason('the compact SQL answer on the ClickHouse server');
/** Numbers, text with Chinese and a comma, a NULL and an array: every kind of cell the grid shows. */
const MIXED =
  "SELECT n, concat('行-', toString(n), ',x') AS label, if(n % 2 = 0, NULL, n * 1.5) AS half, [n, n + 1] AS pair FROM (SELECT arrayJoin(range(5)) AS n) ORDER BY n";

/**
 * `format: 'rows'` (decision 0044): the answer the workbench parses off the main thread, the
 * columns once and each row an array, holding exactly what the default answer holds, on both
 * engines, and published in the contract.
 */
describe.each([
  { engine: 'chdb', server: false },
  { engine: 'clickhouse-server', server: true },
])('the compact SQL answer: $engine', ({ server }) => {
  const data = tempDataDir();
  let clickhouse: RunningClickHouse | undefined;
  let platform: PlatformProcess;
  let analyst: Record<string, string>;
  const skipped = server && skip !== undefined;

  beforeAll(async () => {
    if (skipped) return;
    const env: Record<string, string> = {};
    if (server) {
      clickhouse = await startClickHouseServer();
      env['CLICKHOUSE_URL'] = `${clickhouse.url}/presales`;
    }
    platform = await startPlatform(data.dir, env);
    analyst = await bearerFor(platform.url, 'analyst', 'ann');
    await postJson(`${platform.url}api/tenders`, {
      tenderId: 'R-1',
      opportunityId: 'O-1',
      kind: 'rfp',
      issuer: '国家电网, "华东"',
      deadline: '2026-04-01T00:00:00Z',
      receivedAt: '2026-03-01T00:00:00Z',
    });
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    await clickhouse?.stop();
    data.remove();
  });

  const ask = async <T>(body: Record<string, unknown>) => {
    const response = await postJson(`${platform.url}api/sql`, body, analyst);
    const text = await response.text();
    expect(response.status, text).toBe(200);
    return { body: JSON.parse(text) as T, bytes: text.length };
  };

  it.skipIf(skipped)('holds the default answer cell for cell, each row an array in the columns’ order', async () => {
    for (const sql of [MIXED, 'SELECT tender_id, issuer, kind FROM tender_received FINAL']) {
      const objects = await ask<SqlResponse>({ sql });
      const arrays = await ask<SqlRowsResponse>({ sql, format: 'rows' });
      answers.SqlRowsResponse.parse(arrays.body);
      expect(arrays.body.columns).toEqual(objects.body.columns);
      expect(arrays.body.rowCount).toBe(objects.body.rows.length);
      const names = objects.body.columns.map((column) => column.name);
      expect(arrays.body.rows).toEqual(objects.body.rows.map((row) => names.map((name) => row[name])));
    }
    const tender = await ask<SqlRowsResponse>({
      sql: 'SELECT tender_id, issuer FROM tender_received FINAL',
      format: 'rows',
    });
    expect(tender.body.rows).toEqual([['R-1', '国家电网, "华东"']]);
  });

  it.skipIf(skipped)('is smaller than the default answer: the names are not repeated on every row', async () => {
    const sql =
      "SELECT n, n % 97 AS bucket, concat('row-', toString(n)) AS label FROM (SELECT arrayJoin(range(2000)) AS n)";
    const objects = await ask<SqlResponse>({ sql });
    const arrays = await ask<SqlRowsResponse>({ sql, format: 'rows' });
    expect(arrays.body.rows).toHaveLength(2000);
    expect(arrays.body.rows[1999]).toEqual([1999, 1999 % 97, 'row-1999']);
    expect(arrays.bytes).toBeLessThan(objects.bytes * 0.75);
  });

  it.skipIf(skipped)(
    'refuses an unknown format with a 400 naming the field, and is published in the contract',
    async () => {
      const response = await postJson(`${platform.url}api/sql`, { sql: 'SELECT 1', format: 'arrays' }, analyst);
      expect(response.status).toBe(400);
      const { error } = await json<ApiErrorBody>(response);
      expect(JSON.stringify(error)).toMatch(/format/);
      const contract = await json<{ paths: Record<string, Record<string, unknown>> }>(
        await fetch(`${platform.url}api/openapi.json`),
      );
      const published = JSON.stringify(contract.paths['/api/sql']);
      expect(published).toContain('"rows"');
      expect(published).toMatch(/each row's values, in the order of `columns`/);
    },
  );
});
