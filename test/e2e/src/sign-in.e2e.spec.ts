import type { ApiErrorBody, SessionResponse } from '@presales/contracts';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, freePort, startOpenIdProvider, type TestOpenIdProvider } from './oidc-test-provider.js';
import {
  apiFetch,
  bearerFor,
  json,
  postJson,
  PRESALES_BIN,
  runUntilExit,
  startPlatform,
  tempDataDir,
  type PlatformProcess,
} from './platform-process.js';

const ADMIN_PASSWORD = 'sign-in-e2e-admin-password';

/** `presales <args>` with text on its standard input (a piped password). */
function runWithInput(
  args: readonly string[],
  input: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [PRESALES_BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(input);
  return new Promise((done) => child.on('exit', (code) => done({ code, output })));
}

const opportunity = (opportunityId: string, salesOwnerId: string) => ({
  stream: `opportunity-${opportunityId}`,
  type: 'OpportunityRegistered',
  data: {
    opportunityId,
    name: `Deal ${opportunityId}`,
    customer: 'Acme',
    industry: 'retail',
    region: 'east',
    productLines: ['PL-1'],
    projectType: 'project',
    estimatedValue: { amount: '100000', currency: 'CNY' },
    salesOwnerId,
  },
  metadata: { occurredAt: '2026-03-01T09:00:00Z', actor: { id: salesOwnerId, role: 'sales' } },
});

describe('sign-in, sessions, tokens and the OpenID provider, over real HTTP', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  let provider: TestOpenIdProvider;
  let port: number;
  const url = (path: string) => `${platform.url}${path.replace(/^\//, '')}`;
  const securityEvents = async () => {
    const store = SqliteEventStore.open({ file: join(data.dir, 'events.sqlite'), durability: 'normal' });
    try {
      return (await store.readAll()).filter((event) => event.streamId.startsWith('security-'));
    } finally {
      await store.close();
    }
  };

  const start = () =>
    startPlatform(data.dir, {
      PORT: String(port),
      PRESALES_ADMIN_PASSWORD: ADMIN_PASSWORD,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'presales-ledger',
      OIDC_CLIENT_SECRET: 'presales-ledger-test-secret',
      OIDC_ROLE_MAP: 'presales-managers=manager,bid-team=presales',
    });

  beforeAll(async () => {
    port = await freePort();
    provider = await startOpenIdProvider({
      redirectUri: `http://localhost:${port}/api/auth/oidc/callback`,
      rolesOf: (id) => (id === 'olivia' ? ['staff', 'presales-managers'] : ['staff']),
    });
    platform = await start();
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    await provider?.stop();
    data.remove();
  });

  it('prints the first admin password and token once; without credentials every /api route but the open ones is 401', async () => {
    expect(platform.output()).toContain(`[sign-in] first start: sign in as admin, password: ${ADMIN_PASSWORD}`);
    expect(platform.output()).toMatch(/admin API token: psl_[A-Za-z0-9_-]{43}/);
    const refused = await fetch(url('api/kpis/scorecard'));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="presales"');
    expect((await json<ApiErrorBody>(refused)).error).toMatchObject({
      code: 'unauthorized',
      message: expect.stringContaining('sign in first'),
    });
    // Open to anyone; 200 once the projector has caught up with the first start's own events
    // (503 "degraded" while it replays them, which a loaded machine can still be doing here).
    await expect.poll(async () => (await fetch(url('api/health'))).status, { timeout: 30_000 }).toBe(200);
    const headers = (await fetch(url(''))).headers;
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('access-control-allow-origin')).toBeNull();
    expect(
      (await fetch(url('api/kpis'), { headers: { origin: 'https://evil.example' } })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull();
  });

  it('keeps a browser session in an HttpOnly SameSite cookie, asks for the CSRF token on changes, and ends it on sign-out', async () => {
    const signIn = await postJson(url('api/auth/login'), { username: 'admin', password: ADMIN_PASSWORD });
    expect(signIn.status).toBe(200);
    const session = await json<SessionResponse>(signIn);
    expect(session).toMatchObject({
      user: { id: 'admin', role: 'admin' },
      via: 'session',
      csrfToken: expect.any(String),
    });
    const setCookie = signIn.headers.getSetCookie()[0]!;
    expect(setCookie).toMatch(/^presales_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=.*; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie.split(';')[0]!;
    expect((await fetch(url('api/auth/me'), { headers: { cookie } })).status).toBe(200);
    const tender = {
      tenderId: 'T-session',
      opportunityId: 'O-1',
      kind: 'rfp',
      issuer: 'Acme',
      deadline: '2026-04-01T09:00:00Z',
      receivedAt: '2026-03-10T09:00:00Z',
    };
    const withoutCsrf = await fetch(url('api/tenders'), {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(tender),
    });
    expect(withoutCsrf.status).toBe(403);
    expect((await json<ApiErrorBody>(withoutCsrf)).error.message).toContain('CSRF token');
    const withCsrf = await fetch(url('api/tenders'), {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken! },
      body: JSON.stringify(tender),
    });
    expect(withCsrf.status).toBe(201);
    const history = await json<{ events: { type: string; actor: { id: string; role: string } }[] }>(
      await apiFetch(url('api/audit/tenders/T-session/history')),
    );
    expect(history.events.find((event) => event.type === 'TenderReceived')!.actor).toEqual({
      id: 'admin',
      role: 'admin',
    });
    expect(
      (await fetch(url('api/auth/logout'), { method: 'POST', headers: { cookie, 'x-csrf-token': session.csrfToken! } }))
        .status,
    ).toBe(204);
    expect((await fetch(url('api/auth/me'), { headers: { cookie } })).status).toBe(401);
  });

  it('refuses a declared actor, and records who really acted', async () => {
    const declared = await postJson(
      url('api/tenders'),
      { tenderId: 'T-x', opportunityId: 'O-1', kind: 'rfp', issuer: 'Acme', deadline: '2026-04-01T09:00:00Z' },
      { 'x-actor-id': 'ceo', 'x-actor-role': 'admin' },
    );
    expect(declared.status).toBe(400);
    const head = (await securityEvents()).length;
    expect(head).toBeGreaterThan(0);
  });

  it('throttles failed sign-ins with 429 and Retry-After, and records each as a security event without the password', async () => {
    await postJson(url('api/users'), {
      id: 'mallory',
      username: 'mallory',
      name: 'Mallory',
      role: 'analyst',
      password: 'mallory-real-password',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await postJson(url('api/auth/login'), { username: 'mallory', password: `guess-${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const throttled = await postJson(url('api/auth/login'), { username: 'mallory', password: 'mallory-real-password' });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    const events = await securityEvents();
    const failures = events.filter((event) => event.type === 'SignInFailed' && event.data['username'] === 'mallory');
    expect(failures).toHaveLength(5);
    expect(failures[0]!.data).toMatchObject({
      method: 'password',
      reason: 'wrong password',
      client: expect.stringMatching(/127\.0\.0\.1/),
    });
    const recorded = JSON.stringify(events.map((event) => [event.type, event.data]));
    expect(recorded).not.toContain('guess-0');
    expect(recorded).not.toContain('mallory-real-password');
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['AccountCreated', 'ApiTokenCreated', 'SignedIn', 'SignedOut', 'SignInFailed']),
    );
  });

  it('makes, lists, uses and revokes API tokens from the CLI; a revoked token is refused with the reason', async () => {
    const made = await runUntilExit([
      'token',
      'create',
      '--name',
      'nightly export',
      '--role',
      'analyst',
      '--expires-in',
      '7d',
      '--url',
      platform.url,
    ]);
    expect(made.code, made.output).toBe(0);
    const token = /^(psl_[A-Za-z0-9_-]+)$/m.exec(made.output)![1]!;
    const asAnalyst = { PRESALES_TOKEN: token };
    const sql = await runUntilExit(['sql', 'SELECT 1 AS one', '--url', platform.url], asAnalyst);
    expect(sql.code, sql.output).toBe(0);
    const listed = await runUntilExit(['token', 'list', '--url', platform.url]);
    expect(listed.output).toMatch(
      /nightly export\s+analyst\s+svc-tok-\S+\s+active\s+\S+\s+2026-|nightly export.*analyst.*active/,
    );
    const id = /(tok-[A-Za-z0-9]+)\s+nightly export/.exec(listed.output)![1]!;
    expect(listed.output).not.toMatch(new RegExp(`${id}\\s+nightly export.*never`));
    expect((await runUntilExit(['token', 'revoke', id, '--url', platform.url])).code).toBe(0);
    const refused = await runUntilExit(['sql', 'SELECT 1', '--url', platform.url], asAnalyst);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(
      new RegExp(`the API token ${id} was revoked at .*; sign in with \`presales login\``),
    );
  });

  it('signs in the CLI with a password read from standard input, and signs out by revoking its token', async () => {
    const credentials = join(mkdtempSync(join(tmpdir(), 'presales-cli-')), 'credentials.json');
    const env = { PRESALES_CREDENTIALS: credentials, PRESALES_TOKEN: '' };
    const login = await runWithInput(
      ['login', '--username', 'admin', '--url', platform.url],
      `${ADMIN_PASSWORD}\n`,
      env,
    );
    expect(login.code, login.output).toBe(0);
    expect(login.output).toContain('signed in to');
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    const saved = Object.values(JSON.parse(readFileSync(credentials, 'utf8')) as Record<string, string>)[0]!;
    expect(saved).toMatch(/^psl_/);
    expect((await runUntilExit(['kpi', 'catalog-changes', '--url', platform.url], env)).code).toBe(0);
    expect((await runUntilExit(['logout', '--url', platform.url], env)).output).toContain('signed out');
    expect((await fetch(url('api/auth/me'), { headers: { authorization: `Bearer ${saved}` } })).status).toBe(401);
    const wrong = await runWithInput(
      ['login', '--username', 'admin', '--url', platform.url],
      'not-the-password\n',
      env,
    );
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain('the username or password is not correct');
  });

  it('signs in through the OpenID provider with PKCE, taking the role from the claim map', async () => {
    const flow = async (login: string) => {
      const platformJar = new CookieJar();
      const providerJar = new CookieJar();
      const start = await fetch(url('api/auth/oidc/login?returnTo=/scorecard'), { redirect: 'manual' });
      platformJar.take(start);
      let location = start.headers.get('location')!;
      expect(location).toContain('code_challenge_method=S256');
      // Through the provider's login and consent pages, as a browser would.
      for (let step = 0; step < 12 && location.startsWith(provider.issuer); step += 1) {
        const page = await fetch(location, { redirect: 'manual', headers: { cookie: providerJar.header() } });
        providerJar.take(page);
        if (page.status === 200) {
          const html = await page.text();
          const prompt = /name="prompt" value="(\w+)"/.exec(html)![1]!;
          const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
          const submitted = await fetch(location, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: providerJar.header(), 'content-type': 'application/x-www-form-urlencoded' },
            body: form,
          });
          providerJar.take(submitted);
          location = new URL(submitted.headers.get('location')!, location).href;
        } else {
          location = new URL(page.headers.get('location')!, location).href;
        }
      }
      expect(location).toContain('/api/auth/oidc/callback?code=');
      const callback = await fetch(location, { redirect: 'manual', headers: { cookie: platformJar.header() } });
      platformJar.take(callback);
      return { callback, jar: platformJar };
    };

    const olivia = await flow('olivia');
    expect(olivia.callback.status, await olivia.callback.clone().text()).toBe(302);
    expect(olivia.callback.headers.get('location')).toBe('/scorecard');
    const me = await json<SessionResponse>(
      await fetch(url('api/auth/me'), {
        headers: { cookie: `presales_session=${olivia.jar.get('presales_session')}` },
      }),
    );
    expect(me.user).toMatchObject({ name: 'OIDC olivia', role: 'manager' });
    const accounts = await json<{ users: { username: string; signIn: string[]; role: string }[] }>(
      await apiFetch(url('api/users')),
    );
    expect(accounts.users).toContainEqual(
      expect.objectContaining({ username: 'olivia', signIn: ['oidc'], role: 'manager' }),
    );

    const stranger = await flow('trent');
    expect(stranger.callback.status).toBe(403);
    expect((await json<ApiErrorBody>(stranger.callback)).error.message).toContain(
      'none of your roles maps to a role here',
    );
    // A callback nobody started here is refused, not signed in.
    expect((await fetch(url('api/auth/oidc/callback?code=x&state=y'), { redirect: 'manual' })).status).toBe(401);
  });

  it('lets sales and presales record only the opportunities they are involved in; imports keep the line actor and name the importer', async () => {
    const lines = [opportunity('O-sam', 'sam'), opportunity('O-other', 'someone-else')]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const imported = await apiFetch(url('api/import'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: `${lines}\n`,
    });
    expect(imported.status, await imported.clone().text()).toBe(200);
    const sam = await bearerFor(platform.url, 'sales', 'sam');
    const tender = (tenderId: string, opportunityId: string) => ({
      tenderId,
      opportunityId,
      kind: 'rfq',
      issuer: 'Acme',
      deadline: '2026-04-01T09:00:00Z',
      receivedAt: '2026-03-10T09:00:00Z',
    });
    expect((await postJson(url('api/tenders'), tender('T-sam', 'O-sam'), sam)).status).toBe(201);
    const elsewhere = await postJson(url('api/tenders'), tender('T-not-sam', 'O-other'), sam);
    expect(elsewhere.status, await elsewhere.clone().text()).toBe(403);
    expect((await json<ApiErrorBody>(elsewhere)).error.message).toContain(
      'sales sam is not involved in opportunity O-other',
    );
    const analyst = await fetch(url('api/import'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', ...(await bearerFor(platform.url, 'analyst')) },
      body: `${lines}\n`,
    });
    expect(analyst.status).toBe(403);

    const store = SqliteEventStore.open({ file: join(data.dir, 'events.sqlite'), durability: 'normal' });
    try {
      const [registered] = await store.readStream('opportunity-O-sam');
      expect(registered!.metadata.actor).toEqual({ id: 'sam', role: 'sales' });
      expect((registered!.metadata as unknown as Record<string, unknown>)['importedBy']).toEqual({
        id: 'admin',
        role: 'admin',
      });
      const [received] = await store.readStream('tender-T-sam');
      expect(received!.metadata.actor).toEqual({ id: 'sam', role: 'sales' });
    } finally {
      await store.close();
    }
  });

  it('prints nothing secret on a later start, and the first admin still signs in', async () => {
    await platform.stop();
    platform = await start();
    expect(platform.output()).not.toContain('[sign-in]');
    expect((await postJson(url('api/auth/login'), { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
  }, 60_000);
});
