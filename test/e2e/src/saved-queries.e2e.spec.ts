import type {
  ApiErrorBody,
  QueryHistoryResponse,
  SavedQueriesResponse,
  SavedQuery,
  SavedQueryVersionsResponse,
} from '@presales/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  bearerFor,
  json,
  postJson,
  startPlatform,
  tempDataDir,
  type PlatformProcess,
} from './platform-process.js';

/** Saved queries and history over real HTTP, two analysts and a manager signed in with their own accounts. */
describe('saved queries and query history', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  let ann: Record<string, string>;
  let bob: Record<string, string>;
  const send = (method: string, path: string, who: Record<string, string>, body?: unknown) =>
    apiFetch(`${platform.url}${path}`, {
      method,
      headers: { ...who, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    platform = await startPlatform(data.dir);
    ann = await bearerFor(platform.url, 'analyst', 'ann');
    bob = await bearerFor(platform.url, 'manager', 'bob');
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('saves a private query, shares it as a new version, keeps every version; only the owner changes it', async () => {
    const created = await send('POST', 'api/sql/saved', ann, {
      name: '招标 by kind',
      description: 'what we are asked for',
      sql: 'SELECT kind, count() AS n FROM tender_received FINAL GROUP BY kind',
    });
    expect(created.status).toBe(201);
    const query = await json<SavedQuery>(created);
    expect(query).toMatchObject({
      owner: { id: 'ann', name: 'ann' },
      visibility: 'private',
      mine: true,
      latest: { version: 1, name: '招标 by kind', chart: null },
    });
    expect((await send('GET', `api/sql/saved/${query.id}`, bob)).status).toBe(404);
    expect((await json<SavedQueriesResponse>(await send('GET', 'api/sql/saved', bob))).queries).toEqual([]);

    const shared = await send('PUT', `api/sql/saved/${query.id}`, ann, {
      name: 'Tenders by kind',
      sql: 'SELECT kind, count() AS n FROM tender_received FINAL GROUP BY kind ORDER BY n DESC',
      visibility: 'team',
      chart: 'bar|kind|n|',
      baseVersion: 1,
    });
    expect(shared.status).toBe(200);
    expect((await json<SavedQuery>(shared)).latest).toMatchObject({
      version: 2,
      chart: 'bar|kind|n|',
      savedBy: { id: 'ann' },
    });
    const seen = await json<SavedQueriesResponse>(await send('GET', 'api/sql/saved', bob));
    expect(seen.queries.map((candidate) => [candidate.latest.name, candidate.mine])).toEqual([
      ['Tenders by kind', false],
    ]);
    const versions = await json<SavedQueryVersionsResponse>(
      await send('GET', `api/sql/saved/${query.id}/versions`, bob),
    );
    expect(versions.versions.map((version) => version.version)).toEqual([2, 1]);
    expect((await json<{ name: string }>(await send('GET', `api/sql/saved/${query.id}/versions/1`, bob))).name).toBe(
      '招标 by kind',
    );

    const stale = await send('PUT', `api/sql/saved/${query.id}`, ann, { name: 'x', sql: 'SELECT 1', baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect((await json<ApiErrorBody>(stale)).error.message).toMatch(/version 2 was saved since version 1/);
    const notOwner = await send('PUT', `api/sql/saved/${query.id}`, bob, {
      name: 'mine now',
      sql: 'SELECT 1',
      baseVersion: 2,
    });
    expect(notOwner.status).toBe(403);
    expect((await send('DELETE', `api/sql/saved/${query.id}`, bob)).status).toBe(403);
    expect((await send('DELETE', `api/sql/saved/${query.id}`, ann)).status).toBe(200);
    expect((await send('GET', `api/sql/saved/${query.id}`, ann)).status).toBe(404);
  });

  it('refuses a bad body with every field and rule named', async () => {
    const response = await send('POST', 'api/sql/saved', ann, { name: ' ', sql: '', visibility: 'world', extra: 1 });
    expect(response.status).toBe(400);
    const text = JSON.stringify(await response.json());
    for (const field of ['name', 'sql', 'visibility', 'extra']) expect(text).toContain(field);
    expect((await send('GET', 'api/sql/saved/not-an-id', ann)).status).toBe(404);
    expect((await send('GET', 'api/sql/history?limit=0', ann)).status).toBe(400);
    expect((await send('GET', 'api/sql/saved', await bearerFor(platform.url, 'presales'))).status).toBe(403);
  });

  it("keeps each analyst's own history: runs, exports and refusals with the reason", async () => {
    await postJson(`${platform.url}api/sql`, { sql: 'SELECT 1 AS one' }, ann);
    await postJson(`${platform.url}api/sql`, { sql: 'DROP TABLE events' }, ann);
    await (await postJson(`${platform.url}api/sql`, { sql: 'SELECT 2 AS two', format: 'csv' }, ann)).text();
    const history = await json<QueryHistoryResponse>(await send('GET', 'api/sql/history', ann));
    expect(history.entries.map((entry) => [entry.sql, entry.format, entry.outcome.kind])).toEqual([
      ['SELECT 2 AS two', 'csv', 'ok'],
      ['DROP TABLE events', 'result', 'refused'],
      ['SELECT 1 AS one', 'result', 'ok'],
    ]);
    expect(history.entries[0]!.outcome).toMatchObject({ rowCount: 1 });
    expect(history.entries[1]!.outcome).toMatchObject({ reason: expect.stringMatching(/DROP/) });
    expect((await json<QueryHistoryResponse>(await send('GET', 'api/sql/history', bob))).entries).toEqual([]);
  });
});
