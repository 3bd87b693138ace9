import type { AuditReadsResponse, RecordSearchResponse } from '@presales/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDITOR_ID, projectionSettled, seedDisputes } from './audit-fixtures.js';
import {
  apiFetch,
  bearerFor,
  json,
  runUntilExit,
  startPlatform,
  tempDataDir,
  tokenFor,
  type PlatformProcess,
} from './platform-process.js';

/**
 * The auditor's search for the bid a dispute is about, on the real platform over HTTP: by any
 * piece of the tender's id, its issuer, its opportunity's name or customer, or a quote's id;
 * paged; bad input refused with what and where; every search in the audit log.
 */
describe('searching the record for a disputed bid', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  let auditor: Record<string, string>;
  const search = (query: string, headers: Record<string, string> = auditor) =>
    apiFetch(`${platform.url}api/audit/search?${query}`, { headers });
  const found = async (query: string) =>
    (await json<RecordSearchResponse>(await search(query))).tenders.map((t) => t.tenderId);

  beforeAll(async () => {
    await seedDisputes(data.dir, [{ key: 'one' }, { key: 'two', reviseQuoteAfterSubmission: true }]);
    platform = await startPlatform(data.dir);
    auditor = await bearerFor(platform.url, 'auditor', AUDITOR_ID);
    await projectionSettled(platform.url);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('finds a bid by tender id, issuer, opportunity name, customer or quote id', async () => {
    expect(await found('q=t-two')).toEqual(['T-two']);
    expect(await found('q=acme%20procurement')).toEqual(['T-one', 'T-two']);
    expect(await found('q=ERP%20rollout%20one')).toEqual(['T-one']);
    expect(await found('q=Other%20Corp')).toEqual(['TX-one', 'TX-two']);
    expect(await found('q=Q-two')).toEqual(['T-two']);
    const answer = await json<RecordSearchResponse>(await search('q=T-one'));
    expect(answer.tenders[0]).toEqual({
      tenderId: 'T-one',
      opportunityId: 'O-one',
      kind: 'rfp',
      issuer: 'Acme Procurement',
      deadline: '2026-03-15T12:00:00.000Z',
      opportunityName: 'ERP rollout one',
      customer: 'Acme Manufacturing',
      quoteIds: ['Q-one'],
    });
  });

  it('pages, and answers nothing rather than everything for text that looks like SQL', async () => {
    expect(await json<RecordSearchResponse>(await search('q=T&pageSize=3'))).toMatchObject({
      page: 1,
      pageSize: 3,
      more: true,
      tenders: [{ tenderId: 'T-one' }, { tenderId: 'T-two' }, { tenderId: 'TX-one' }],
    });
    expect(await json<RecordSearchResponse>(await search('q=T&pageSize=3&page=2'))).toMatchObject({
      page: 2,
      more: false,
      tenders: [{ tenderId: 'TX-two' }],
    });
    expect(await found(`q=${encodeURIComponent("x' OR '1'='1")}`)).toEqual([]);
  });

  it('refuses bad input with 400 saying what and where, and other roles with 403', async () => {
    for (const [query, mentions] of [
      ['q=', 'q'],
      ['q=T&pageSize=51', 'pageSize'],
      ['q=T&page=0', 'page'],
      [`q=${'x'.repeat(101)}`, 'q'],
      ['q=T&sort=name', 'sort'],
    ] as const) {
      const response = await search(query);
      expect(response.status, query).toBe(400);
      expect(await response.text(), query).toContain(mentions);
    }
    expect((await search('q=T-one', await bearerFor(platform.url, 'sales'))).status).toBe(403);
  });

  it('answers the same from the command line, in a table or as the API’s JSON', async () => {
    const env = { PRESALES_TOKEN: await tokenFor(platform.url, 'auditor', 'cli-searcher') };
    const table = await runUntilExit(['audit', 'search', 'Acme Procurement', '--url', platform.url], env);
    expect(table.code, table.output).toBe(0);
    expect(table.output).toMatch(/T-one\s+Acme Procurement\s+ERP rollout one \(O-one\)\s+Acme Manufacturing\s+Q-one/);
    expect(table.output).toContain('page 1, the last');
    const asJson = await runUntilExit(
      ['audit', 'search', 'T', '--page', '2', '--format', 'json', '--url', platform.url],
      env,
    );
    expect(asJson.code, asJson.output).toBe(0);
    expect(JSON.parse(asJson.output)).toEqual(await json<RecordSearchResponse>(await search('q=T&page=2')));
  });

  it('records each search in the audit log with the bids it pointed at', async () => {
    await found('q=Q-one');
    const log = await json<AuditReadsResponse>(
      await apiFetch(`${platform.url}api/audit/reads?actorId=${AUDITOR_ID}`, {
        headers: { authorization: `Bearer ${platform.adminToken}` },
      }),
    );
    const searches = log.reads.filter((read) => read.request === 'record_search');
    expect(searches.at(-1)).toMatchObject({
      actor: { id: AUDITOR_ID },
      subject: 'search',
      parameters: { q: 'Q-one' },
      streams: ['tender-T-one'],
      outcome: { kind: 'answered' },
    });
  });
});
