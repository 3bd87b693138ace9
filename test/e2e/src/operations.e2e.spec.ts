import type { BidHistoryResponse } from '@presales/contracts';
import { readFileSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  json,
  postJson,
  startPlatform,
  tempDataDir,
  tokenFor,
  untilCaughtUp,
  type PlatformProcess,
} from './platform-process.js';
import { parseExposition, samplesOf } from './prometheus-exposition.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ASSETS = resolve(__dirname, '..', '..', '..', 'dashboards', 'web', 'dist', 'assets');
/** What the platform prints as plain text for a newcomer; every other line of its output is JSON. */
const BANNER = /^(\[(kpi|sign-in|projector|demo|warm-up|kept KPI values)\] |Presales Ledger is running at |presales: )/;

/** One HTTP/1.1 request written byte for byte, for headers no HTTP client would send. */
function rawGet(
  url: string,
  path: string,
  headerLines: readonly string[],
): Promise<{ status: number; headers: string; raw: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
    let raw = '';
    socket.on('data', (chunk: Buffer) => (raw += chunk.toString('latin1')));
    socket.on('error', fail);
    socket.on('end', () => {
      const head = raw.split('\r\n\r\n')[0] ?? '';
      done({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, raw });
    });
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n${headerLines.map((line) => `${line}\r\n`).join('')}Connection: close\r\n\r\n`,
      'latin1',
    );
  });
}

function requestIdOf(headers: string): string | undefined {
  return /^x-request-id: (.*)$/im.exec(headers)?.[1];
}

const SCRAPE_TOKEN = 'scrape-0123456789abcdef0123456789';

describe('operations: metrics, request logs with correlation ids, compressed dashboard assets', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  let manager: string;
  beforeAll(async () => {
    platform = await startPlatform(data.dir, { LOG_LEVEL: 'info', METRICS_TOKEN: SCRAPE_TOKEN });
    manager = await tokenFor(platform.url, 'manager', 'mona');
    await untilCaughtUp(platform.url);
  });
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });
  const url = (path: string) => `${platform.url}${path}`;
  const asManager = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${manager}`, ...extra });
  const jsonLines = () =>
    platform
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('shows /metrics to an admin and to a scraper holding METRICS_TOKEN, and to no one else', async () => {
    const scraped = await fetch(url('metrics'), { headers: { authorization: `Bearer ${SCRAPE_TOKEN}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('presales_events_appended_total');
    expect((await apiFetch(url('metrics'))).status).toBe(200);
    expect((await fetch(url('metrics'))).status).toBe(401);
    expect((await fetch(url('metrics'), { headers: asManager() })).status).toBe(403);
    expect((await fetch(url('metrics'), { headers: { authorization: `Bearer ${SCRAPE_TOKEN}x` } })).status).toBe(401);
    // The scrape token opens /metrics only: it is no user.
    expect((await fetch(url('api/kpis'), { headers: { authorization: `Bearer ${SCRAPE_TOKEN}` } })).status).toBe(401);
  });

  it('writes the correlation id of each command request into the metadata of the events it appends', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const received = await postJson(
      url('api/tenders'),
      {
        tenderId: 'T-OPS',
        opportunityId: 'O-OPS',
        kind: 'rfp',
        issuer: 'Harbour Authority',
        deadline: '2026-09-30T09:00:00Z',
        receivedAt: '2026-06-01T09:00:00Z',
      },
      asManager({ traceparent: `00-${traceId}-00f067aa0ba902b7-01` }),
    );
    expect(received.status, await received.clone().text()).toBe(201);
    expect(received.headers.get('x-request-id')).toBe(traceId);
    const decided = await postJson(
      url('api/tenders/T-OPS/bid-decisions'),
      { decision: 'bid', rationale: 'fits', score: 70 },
      asManager({ 'x-request-id': 'ops-e2e-bid.1:a' }),
    );
    expect(decided.status, await decided.clone().text()).toBe(201);
    expect(decided.headers.get('x-request-id')).toBe('ops-e2e-bid.1:a');
    const assigned = await postJson(
      url('api/tenders/T-OPS/section-assignments'),
      { sectionId: 's-1', title: 'Architecture', assigneeId: 'ana', dueAt: '2026-09-01T09:00:00Z' },
      asManager(),
    );
    expect(assigned.status, await assigned.clone().text()).toBe(201);
    const generated = assigned.headers.get('x-request-id')!;
    expect(generated).toMatch(UUID);

    // Read back as an auditor would: the audit API's history of the tender.
    const history = await json<BidHistoryResponse>(await apiFetch(url('api/audit/tenders/T-OPS/history')));
    const correlationOf = (type: string) => history.events.find((event) => event.type === type)?.correlationId;
    expect(correlationOf('TenderReceived')).toBe(traceId);
    expect(correlationOf('BidDecisionMade')).toBe('ops-e2e-bid.1:a');
    expect(correlationOf('ResponseSectionAssigned')).toBe(generated);
    // And the log line of that request names the same id: the join an auditor makes.
    expect(jsonLines().find((line) => line['correlationId'] === 'ops-e2e-bid.1:a')).toMatchObject({
      route: '/api/tenders/:tenderId/bid-decisions',
      status: 201,
      subject: 'mona',
    });
  });

  it('leaves imported events with the metadata of their lines, so a second import of a file writes nothing', async () => {
    const line = JSON.stringify({
      stream: 'opportunity-O-IMP',
      type: 'OpportunityRegistered',
      data: {
        opportunityId: 'O-IMP',
        name: 'Deal O-IMP',
        customer: 'Acme',
        industry: 'retail',
        region: 'east',
        productLines: ['PL-1'],
        projectType: 'project',
        estimatedValue: { amount: '100000', currency: 'CNY' },
        salesOwnerId: 'sam',
      },
      metadata: { occurredAt: '2026-03-01T09:00:00Z', actor: { id: 'sam', role: 'sales' } },
    });
    const importOnce = async (requestId: string) =>
      json<{ appended: number; alreadyPresent: number }>(
        await apiFetch(url('api/import'), {
          method: 'POST',
          headers: { 'content-type': 'application/x-ndjson', 'x-request-id': requestId },
          body: `${line}\n`,
        }),
      );
    expect(await importOnce('import-1')).toMatchObject({ appended: 1, alreadyPresent: 0 });
    expect(await importOnce('import-2')).toMatchObject({ appended: 0, alreadyPresent: 1 });
  });

  it('replaces an X-Request-Id that is not a plain id instead of echoing it', async () => {
    const longId = 'a'.repeat(10_000);
    const hostile = [
      ['10,000 characters', [`X-Request-Id: ${longId}`]],
      ['a forged JSON log line', ['X-Request-Id: {"level":"fatal","msg":"forged"}']],
      ['a value folded onto a second line', ['X-Request-Id: abc', ' injected-line']],
      ['two ids in two headers', ['X-Request-Id: first-id', 'X-Request-Id: second-id']],
      ['a tab and a space', ['X-Request-Id: a\tb c']],
      ['bytes beyond ASCII', ['X-Request-Id: caf\u00e9']],
      ['an all-zero traceparent', ['traceparent: 00-00000000000000000000000000000000-00f067aa0ba902b7-01']],
    ] as const;
    for (const [what, lines] of hostile) {
      const answer = await rawGet(platform.url, '/api/health', lines);
      // Node itself may refuse a malformed head with 400 before the platform sees it: then no id at all.
      const id = requestIdOf(answer.headers);
      if (answer.status === 400 && id === undefined) continue;
      expect(answer.status, what).toBe(200);
      expect(id, what).toMatch(UUID);
    }
    expect(
      (await apiFetch(url('api/health'), { headers: { 'x-request-id': 'x'.repeat(129) } })).headers.get('x-request-id'),
    ).toMatch(UUID);
    expect(
      (await apiFetch(url('api/health'), { headers: { 'x-request-id': 'x'.repeat(128) } })).headers.get('x-request-id'),
    ).toBe('x'.repeat(128));
    const logged = platform.output();
    expect(logged).not.toContain('a'.repeat(200));
    expect(logged).not.toContain('forged');
    expect(logged).not.toContain('injected-line');
    expect(logged).not.toContain('second-id');
  });

  it('logs one JSON line per request with method, route, status, duration and who, and no secret anywhere', async () => {
    // A password sign-in: the password in a body, the session in a cookie, the CSRF token in a header.
    await postJson(url('api/users'), {
      id: 'lena',
      username: 'lena',
      name: 'Lena',
      role: 'analyst',
      password: 'correct-horse-battery-9',
    });
    const login = await fetch(url('api/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lena', password: 'correct-horse-battery-9' }),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const sessionKey = cookie.split('=')[1]!;
    const me = await fetch(url('api/auth/me'), { headers: { cookie, 'x-request-id': 'ops-e2e-me' } });
    expect(me.status).toBe(200);
    const refused = await fetch(url('api/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lena', password: 'wrong-password-77' }),
    });
    expect(refused.status).toBe(401);
    const ran = await fetch(url('api/sql'), {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', 'x-request-id': 'ops-e2e-sql' },
      body: JSON.stringify({ sql: 'SELECT 1' }),
    });
    expect(ran.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));

    const output = platform.output();
    for (const line of output.split('\n').filter((l) => l !== '')) {
      if (BANNER.test(line)) continue;
      expect(() => JSON.parse(line), `not JSON: ${line.slice(0, 200)}`).not.toThrow();
    }
    const lines = jsonLines();
    expect(lines.find((line) => line['correlationId'] === 'ops-e2e-me')).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      pid: expect.any(Number),
      hostname: expect.any(String),
      correlationId: 'ops-e2e-me',
      method: 'GET',
      route: '/api/auth/me',
      path: '/api/auth/me',
      status: 200,
      durationMs: expect.any(Number),
      subject: 'lena',
      role: 'analyst',
      msg: 'GET /api/auth/me 200',
    });
    expect(lines.find((line) => line['correlationId'] === 'ops-e2e-sql')).toMatchObject({
      method: 'POST',
      route: '/api/sql',
      status: 200,
      subject: 'lena',
    });
    const logged = lines.map((line) => JSON.stringify(line)).join('\n');
    for (const secret of [
      'correct-horse-battery-9',
      'wrong-password-77',
      sessionKey,
      csrfToken,
      manager,
      platform.adminToken,
    ])
      expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/authorization|cookie|bearer/i);
  });

  it('exposes request latency by route template, appends, analyst SQL and sign-in failures in a valid exposition', async () => {
    await postJson(
      url('api/tenders/T-OPS/section-assignments'),
      { sectionId: 's-2', title: 'Security', assigneeId: 'ana', dueAt: '2026-09-02T09:00:00Z' },
      asManager(),
    );
    const analyst = { authorization: `Bearer ${await tokenFor(platform.url, 'analyst')}` };
    expect((await postJson(url('api/sql'), { sql: 'SELECT count() AS n FROM tender_received' }, analyst)).status).toBe(
      200,
    );
    expect((await postJson(url('api/sql'), { sql: 'SELECT * FROM system.tables' }, analyst)).status).toBe(400);
    expect((await postJson(url('api/sql'), { sql: "SELECT * FROM file('/etc/passwd')" }, analyst)).status).toBe(400);

    const response = await apiFetch(url('metrics'));
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const families = parseExposition(await response.text());

    const route = { route: '/api/tenders/:tenderId/section-assignments', method: 'POST', status: '201' };
    const buckets = samplesOf(
      families,
      'presales_http_request_duration_seconds',
      'presales_http_request_duration_seconds_bucket',
      route,
    );
    const [count] = samplesOf(
      families,
      'presales_http_request_duration_seconds',
      'presales_http_request_duration_seconds_count',
      route,
    );
    expect(families.get('presales_http_request_duration_seconds')?.type).toBe('histogram');
    expect(count?.value).toBe(2);
    expect(buckets.at(-1)).toMatchObject({ labels: { le: '+Inf' }, value: 2 });
    expect(buckets.map((b) => b.value)).toEqual([...buckets.map((b) => b.value)].sort((a, b) => a - b));
    // Route templates only: no series names a tender, a section or any other id from a URL.
    const routes = new Set(
      families.get('presales_http_request_duration_seconds')!.samples.map((s) => s.labels['route']),
    );
    expect([...routes].filter((r) => /T-OPS|lena|s-\d/.test(r ?? ''))).toEqual([]);
    expect(routes).toContain('/api/audit/tenders/:tenderId/history');

    expect(
      samplesOf(families, 'presales_events_appended_total', 'presales_events_appended_total', {
        type: 'ResponseSectionAssigned',
      })[0]?.value,
    ).toBe(2);
    expect(
      samplesOf(families, 'presales_events_appended_total', 'presales_events_appended_total', {
        type: 'TenderReceived',
      })[0]?.value,
    ).toBe(1);
    const sql = (labels: Record<string, string>) =>
      samplesOf(families, 'presales_analyst_sql_queries_total', 'presales_analyst_sql_queries_total', labels)[0]?.value;
    // Lena's SELECT 1 in the test before, and the analyst's count here.
    expect(sql({ outcome: 'answered', reason: 'none' })).toBe(2);
    expect(sql({ outcome: 'refused', reason: 'table' })).toBe(1);
    expect(sql({ outcome: 'refused', reason: 'table_function' })).toBe(1);
    expect(
      samplesOf(families, 'presales_analyst_sql_duration_seconds', 'presales_analyst_sql_duration_seconds_count', {
        outcome: 'refused',
      })[0]?.value,
    ).toBe(2);
    expect(
      samplesOf(families, 'presales_sign_in_failures_total', 'presales_sign_in_failures_total', {
        method: 'password',
      })[0]?.value,
    ).toBe(1);

    // The metrics /metrics always had keep their names and meanings, and Node's come with our prefix.
    expect(
      samplesOf(families, 'presales_projector_lag_events', 'presales_projector_lag_events')[0]?.value,
    ).toBeGreaterThanOrEqual(0);
    expect(
      samplesOf(families, 'presales_event_store_up', 'presales_event_store_up', { engine: 'sqlite' })[0]?.value,
    ).toBe(1);
    expect(families.get('presales_answers_total')?.type).toBe('counter');
    expect(families.get('presales_process_cpu_seconds_total')?.type).toBe('counter');
    expect(families.get('presales_nodejs_eventloop_lag_seconds')?.type).toBe('gauge');
  });

  it('serves hashed assets compressed as the browser asks, cached for a year, and index.html revalidated', async () => {
    const script = readdirSync(ASSETS).find((file) => /^index-.*\.js$/.test(file))!;
    const plain = readFileSync(join(ASSETS, script), 'utf8');
    for (const [acceptEncoding, expected] of [
      ['br, gzip', 'br'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      const answer = await fetch(url(`assets/${script}`), { headers: { 'accept-encoding': acceptEncoding } });
      expect(answer.status, acceptEncoding).toBe(200);
      expect(answer.headers.get('content-encoding'), acceptEncoding).toBe(expected);
      expect(answer.headers.get('cache-control'), acceptEncoding).toBe('public, max-age=31536000, immutable');
      expect(answer.headers.get('vary'), acceptEncoding).toMatch(/accept-encoding/i);
      expect(answer.headers.get('content-type'), acceptEncoding).toMatch(/^text\/javascript/);
      // fetch decodes the body: the compressed copy is the same script.
      expect(await answer.text(), acceptEncoding).toBe(plain);
    }
    const brotli = await fetch(url(`assets/${script}`), { headers: { 'accept-encoding': 'br' } });
    expect(Number(brotli.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(plain) / 2);
    for (const path of ['', 'scorecard?period=2026-Q1']) {
      const page = await fetch(url(path), { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
  });
});
