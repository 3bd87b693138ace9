import type { ApiErrorBody, HealthResponse, RecordTenderResponse, TendersReceivedResponse } from '@presales/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  bearerFor,
  headPosition,
  json,
  postJson,
  startPlatform,
  tempDataDir,
  untilCaughtUp,
  type PlatformProcess,
} from './platform-process.js';

const tender = (tenderId: string, receivedAt = '2026-03-10T09:00:00Z') => ({
  tenderId,
  opportunityId: 'O-1',
  kind: 'rfp',
  issuer: 'City of Hangzhou 杭州市',
  deadline: '2026-06-30T09:00:00Z',
  receivedAt,
});

describe('the platform on its embedded default, over real HTTP', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  /**
   * Events already recorded before the first tender: version 1 of every catalog KPI definition,
   * the first admin and its token, and the account and sign-in of the manager who records.
   */
  let base: number;
  let alice: Record<string, string>;
  beforeAll(async () => {
    platform = await startPlatform(data.dir);
    alice = await bearerFor(platform.url, 'manager', 'alice');
    base = await headPosition(platform.url);
  });
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('reports both engines and the projector in /api/health', async () => {
    // Right after start the projector may still be writing the KPI catalog (catching_up).
    await untilCaughtUp(platform.url);
    const response = await apiFetch(`${platform.url}api/health`);
    const health = await json<HealthResponse>(response);
    expect(response.status).toBe(200);
    expect(health).toMatchObject({
      status: 'ok',
      eventStore: { engine: 'sqlite', ok: true, headPosition: String(base) },
      analyticsStore: { engine: 'chdb', ok: true, version: expect.stringMatching(/^26\./) },
      projector: { state: 'live', lagEvents: 0 },
    });
  });

  it('records a tender end to end: command → event store → projector → chDB → KPI query', async () => {
    const response = await postJson(`${platform.url}api/tenders`, tender('T-1'), alice);
    expect(response.status).toBe(201);
    const recorded = await json<RecordTenderResponse>(response);
    expect(recorded).toMatchObject({
      streamId: 'tender-T-1',
      revision: '0',
      position: String(base + 1),
      projected: true,
    });
    await postJson(`${platform.url}api/tenders`, tender('T-2', '2026-03-20T09:00:00Z'));
    await postJson(`${platform.url}api/tenders`, tender('T-3', '2026-05-02T09:00:00Z'));

    const kpi = await json<TendersReceivedResponse>(await apiFetch(`${platform.url}api/kpis/tenders-received`));
    expect(kpi.points).toEqual([
      { period: '2026-03', tenders: 2 },
      { period: '2026-05', tenders: 1 },
    ]);
    expect(kpi.total).toBe(3);
    expect(kpi.trace.sql).toContain('FROM tender_received FINAL');

    const health = await json<HealthResponse>(await apiFetch(`${platform.url}api/health`));
    expect(health.eventStore.headPosition).toBe(String(base + 3));
    expect(health.projector).toMatchObject({ checkpoint: String(base + 3), lagEvents: 0 });
  });

  it('answers asOf: only events recorded by then count', async () => {
    const kpi = await json<TendersReceivedResponse>(
      await apiFetch(`${platform.url}api/kpis/tenders-received?asOf=2000-01-01T00:00:00Z`),
    );
    expect(kpi).toMatchObject({ asOf: '2000-01-01T00:00:00Z', points: [], total: 0 });
    const bad = await apiFetch(`${platform.url}api/kpis/tenders-received?asOf=yesterday`);
    expect(bad.status).toBe(400);
    expect((await json<ApiErrorBody>(bad)).error.message).toMatch(/asOf = "yesterday": must be an ISO-8601 UTC time/);
  });

  it('rejects a second TenderReceived for the same tender with 422 and the rule', async () => {
    const response = await postJson(`${platform.url}api/tenders`, tender('T-1'));
    expect(response.status).toBe(422);
    expect(await json<ApiErrorBody>(response)).toEqual({
      error: { code: 'illegal_state', message: 'tender T-1: TenderReceived already recorded for this tender' },
    });
  });

  it('rejects bad input with 400 naming each field, value and rule, and records nothing', async () => {
    const response = await postJson(`${platform.url}api/tenders`, {
      ...tender('T 9'),
      kind: 'bid',
      deadline: 'friday',
    });
    expect(response.status).toBe(400);
    const body = await json<ApiErrorBody>(response);
    expect(body.error.code).toBe('validation');
    expect(body.error.issues?.map((i) => i.path).sort()).toEqual(['deadline', 'kind', 'tenderId']);
    expect(body.error.issues).toContainEqual({ path: 'kind', value: 'bid', rule: expect.stringContaining('rfp') });

    const malformed = await postJson(`${platform.url}api/tenders`, '{"tenderId": ');
    expect(malformed.status).toBe(400);
    const declaredActor = await postJson(`${platform.url}api/tenders`, tender('T-8'), {
      'x-actor-id': 'emperor',
      'x-actor-role': 'admin',
    });
    expect(declaredActor.status).toBe(400);
    expect((await json<ApiErrorBody>(declaredActor)).error.message).toMatch(
      /header x-actor-id, x-actor-role is not accepted: the actor is whoever signed in/,
    );

    const health = await json<HealthResponse>(await apiFetch(`${platform.url}api/health`));
    expect(health.eventStore.headPosition).toBe(String(base + 3));
  });

  it('exposes projector lag and engine state as Prometheus gauges at /metrics', async () => {
    const response = await apiFetch(`${platform.url}metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain(`presales_event_store_head_position ${base + 3}\n`);
    expect(text).toContain('presales_projector_lag_events 0\n');
    expect(text).toMatch(/presales_analytics_store_up\{engine="chdb"\} 1\n/);
  });

  it('serves the dashboard at / and at its deep links, and JSON 404s under /api', async () => {
    const page = await apiFetch(platform.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>Presales Ledger');
    // A reload of a view's link gets the app, which shows that view.
    const deepLink = await apiFetch(`${platform.url}scorecard?period=2026-Q1`, { headers: { accept: 'text/html' } });
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toBe(html);
    const missing = await apiFetch(`${platform.url}api/nothing-here`);
    expect(missing.status).toBe(404);
    expect((await json<ApiErrorBody>(missing)).error.code).toBe('not_found');
  });
});
