import type { CommandAcceptedResponse, MaturityResponse, ScorecardResponse, TrendResponse } from '@presales/contracts';
import { formatPeriod, periodContaining, previousPeriod } from '@presales/kpi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  headPosition,
  json,
  postJson,
  startPlatform,
  tempDataDir,
  untilCaughtUp,
  type PlatformProcess,
} from './platform-process.js';

const ADMIN_PASSWORD = 'admin-answers-test-1';

/** Decision 0029: answers kept per state of the read models, warmed at start, never stale after a write. */
describe('answers kept while nothing new is projected', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  const url = (path: string) => `${platform.url}${path.replace(/^\//, '')}`;
  const get = async <T>(path: string): Promise<T> => {
    const response = await apiFetch(url(path));
    expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
    return json<T>(response);
  };
  const answered = async (): Promise<Record<string, number>> => {
    const text = await (await apiFetch(url('metrics'))).text();
    return Object.fromEntries(
      [...text.matchAll(/^presales_answers_total\{outcome="(\w+)"\} (\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]),
    );
  };
  const command = async (path: string, body: unknown): Promise<CommandAcceptedResponse> => {
    const response = await postJson(url(path), body);
    expect(response.status, await response.clone().text()).toBe(201);
    const accepted = await json<CommandAcceptedResponse>(response);
    // On a busy machine a write may answer before its projection (decision 0005): then wait for it.
    if (!accepted.projected) await untilCaughtUp(platform.url, 60_000);
    return accepted;
  };
  const winRate = (card: ScorecardResponse) => card.lines.find((line) => line.kpiId === 'win_rate')!;

  beforeAll(async () => {
    platform = await startPlatform(data.dir, { DEMO_DATA: 'off', PRESALES_ADMIN_PASSWORD: ADMIN_PASSWORD });
    await untilCaughtUp(platform.url);
    // The warm-up asks the first view, sparklines included, then says so: the counts below are its own then.
    const deadline = Date.now() + 120_000;
    while (!platform.output().includes('[warm-up] the first view') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
  }, 180_000);
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('computes the first view at start, before anyone asks: the first scorecard and maturity are kept answers', async () => {
    expect(platform.output()).toContain('[warm-up] the first view');
    const before = await answered();
    // The scorecard, maturity and the overview's 28 sparklines.
    expect(before['computed']).toBe(30);
    const firstView = formatPeriod(previousPeriod(periodContaining(new Date(), 'quarter')));
    await get<ScorecardResponse>(`api/kpis/scorecard?period=${firstView}`);
    await get<MaturityResponse>('api/maturity');
    const after = await answered();
    expect(after['hit']! - before['hit']!).toBe(2);
    expect(after['computed']).toBe(before['computed']);
  });

  it('answers a repeated question without computing it again, with the same answer, also after a sign-in', async () => {
    const questions = [
      'api/kpis/scorecard?period=2026-Q2&asOf=2026-07-01T00:00:00Z',
      'api/kpis/win_rate/trend?asOf=2026-07-01T00:00:00Z',
      'api/maturity?window=3',
    ];
    const first = await Promise.all(questions.map((path) => get<unknown>(path)));
    const before = await answered();
    const again = await Promise.all(questions.map((path) => get<unknown>(path)));
    const after = await answered();
    expect(again).toEqual(first);
    expect(after['hit']! - before['hit']!).toBe(questions.length);
    expect(after['computed']).toBe(before['computed']);
    // A sign-in is recorded in the security log, whose events have no fact table: the answers stay.
    const head = await headPosition(platform.url);
    const signedIn = await postJson(url('api/auth/login'), { username: 'admin', password: ADMIN_PASSWORD });
    expect(signedIn.status, await signedIn.clone().text()).toBe(200);
    await untilCaughtUp(platform.url);
    expect(await headPosition(platform.url)).toBeGreaterThan(head);
    expect(await Promise.all(questions.map((path) => get<unknown>(path)))).toEqual(first);
    expect((await answered())['computed']).toBe(before['computed']);
  });

  it('counts a write answered projected: true in the next answer, while the same questions are asked all along', async () => {
    let asking = true;
    // Questions asked without pause beside the writes: kept answers are tried at every moment.
    const alongside = (async () => {
      let asked = 0;
      while (asking) {
        await Promise.all([
          get('api/kpis/scorecard?period=2026-Q3'),
          get('api/kpis/win_rate/trend?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z'),
        ]);
        asked += 1;
      }
      return asked;
    })().catch((error: unknown) => error);
    const registered = (id: string) => ({
      opportunityId: id,
      name: `Grid ERP ${id}`,
      customer: 'State Grid 国家电网',
      industry: 'utilities',
      region: 'East',
      productLines: ['erp'],
      projectType: 'project',
      estimatedValue: { amount: '1200000', currency: 'CNY' },
      salesOwnerId: 'sam',
      occurredAt: '2026-08-02T09:00:00Z',
    });
    try {
      for (let i = 1; i <= 2; i += 1) {
        const id = `O-kept-${i}`;
        await command('api/opportunities', registered(id));
        await command(
          `api/opportunities/${id}/${i % 2 === 0 ? 'wins' : 'losses'}`,
          i % 2 === 0
            ? { amount: { amount: '1000', currency: 'CNY' }, occurredAt: '2026-08-20T09:00:00Z' }
            : { reason: 'price', productGapIds: [], occurredAt: '2026-08-20T09:00:00Z' },
        );
        const card = await get<ScorecardResponse>('api/kpis/scorecard?period=2026-Q3');
        expect(winRate(card).do).toMatchObject({ units: i, actual: Math.floor(i / 2) / i });
        const trend = await get<TrendResponse>(
          'api/kpis/win_rate/trend?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z',
        );
        expect(trend.points.find((point) => point.period === '2026-08')).toMatchObject({ units: i });
        await command('api/kpis/win_rate/targets', {
          period: '2026-Q3',
          scope: { kind: 'org' },
          target: `0.${50 + i}`,
        });
        expect(winRate(await get<ScorecardResponse>('api/kpis/scorecard?period=2026-Q3')).plan).toEqual({
          target: Number(`0.${50 + i}`),
          source: 'target_set',
        });
      }
    } finally {
      asking = false;
    }
    expect(await alongside).toBeGreaterThan(0);
    // A live answer kept is the answer as of its moment: the same as asked for with that asOf.
    const live = await get<ScorecardResponse>('api/kpis/scorecard?period=2026-Q3');
    const asOf = await get<ScorecardResponse>(`api/kpis/scorecard?period=2026-Q3&asOf=${live.asOf}`);
    expect(asOf.lines.map((line) => [line.kpiId, line.do.actual, line.do.units, line.plan])).toEqual(
      live.lines.map((line) => [line.kpiId, line.do.actual, line.do.units, line.plan]),
    );
  }, 300_000);
  it('sends a kept answer with the ETag of its text, 304 to that ETag, and the new answer once a write changed it', async () => {
    const path = url('api/kpis/scorecard?period=2026-Q2');
    // cache: 'no-cache' revalidates as a browser's HTTP cache does: without it, fetch adds
    // Cache-Control: no-cache to a request carrying If-None-Match, and Express then never answers 304.
    const ask = (etag?: string) =>
      apiFetch(path, { cache: 'no-cache', headers: etag === undefined ? {} : { 'if-none-match': etag } });
    const first = await ask();
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await first.text();
    const before = await answered();
    const unchanged = await ask(etag!);
    expect([unchanged.status, await unchanged.text()]).toEqual([304, '']);
    const again = await ask();
    expect([again.headers.get('etag'), await again.text()]).toEqual([etag, text]);
    expect((await answered())['hit']! - before['hit']!).toBe(2);

    await command('api/opportunities', {
      opportunityId: 'O-etag',
      name: 'Grid ERP O-etag',
      customer: 'State Grid 国家电网',
      industry: 'utilities',
      region: 'East',
      productLines: ['erp'],
      projectType: 'project',
      estimatedValue: { amount: '1200000', currency: 'CNY' },
      salesOwnerId: 'sam',
      occurredAt: '2026-05-02T09:00:00Z',
    });
    await command('api/opportunities/O-etag/losses', {
      reason: 'price',
      productGapIds: [],
      occurredAt: '2026-05-20T09:00:00Z',
    });
    // The same ETag sent after the write: the answer it named is no longer the answer.
    const changed = await ask(etag!);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const card = await json<ScorecardResponse>(changed);
    expect(winRate(card).do.units).toBe(winRate(JSON.parse(text) as ScorecardResponse).do.units + 1);
  });
});
