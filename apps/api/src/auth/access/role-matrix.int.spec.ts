import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROLLERS } from '../../app.module.js';
import { startPlatform, type RunningPlatform } from '../../bootstrap.js';
import { parseConfig } from '@presales/platform-config';
import { USER_ROLES, type UserRole } from '../roles.js';
import { expectedAccess, roleMatrixMarkdown, routeTable, type RouteAccess } from './route-table.js';

const ADMIN_PASSWORD = 'matrix-admin-password';
const ROUTES = routeTable(CONTROLLERS);

/** A concrete URL for a route pattern: every parameter gets a value that names nothing. */
function concretePath(path: string): string {
  return path
    .replace(/:tenderId/g, 'T-matrix')
    .replace(/:streamId/g, 'tender-T-matrix')
    .replace(/:area/g, 'bid')
    .replace(/:[A-Za-z]+/g, 'matrix');
}

const isRebuild = (route: RouteAccess) => route.method === 'POST' && route.path === '/api/admin/rebuild';

type Caller = UserRole | 'anonymous' | 'expired' | 'revoked';

/**
 * Every route × every kind of caller, over real HTTP against the platform with real sign-in:
 * no credentials, each role's API token, an expired and a revoked token. Generated from the
 * route table, so a new route is in the matrix the moment it exists.
 */
describe('the role matrix, route by route', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'presales-matrix-'));
  let platform: RunningPlatform;
  const tokens = new Map<Caller, string>();
  const call = (route: RouteAccess, caller: Caller) =>
    fetch(new URL(concretePath(route.path), platform.url), {
      method: route.method,
      redirect: 'manual',
      headers: {
        'content-type': 'application/json',
        ...(tokens.has(caller) ? { authorization: `Bearer ${tokens.get(caller)}` } : {}),
      },
      ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: '{}' }),
    });

  beforeAll(async () => {
    process.env['PRESALES_ADMIN_PASSWORD'] = ADMIN_PASSWORD;
    process.env['DEMO_DATA'] = 'off';
    process.env['DASHBOARD_DIR'] ??= resolve(__dirname, '..', '..', '..', '..', '..', 'dashboards', 'web', 'dist');
    platform = await startPlatform(parseConfig({ PORT: '0', DATA_DIR: dataDir }));
    const signIn = await fetch(new URL('/api/auth/login', platform.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const make = async (role: UserRole, expiresIn = '1d') => {
      const made = await fetch(new URL('/api/tokens', platform.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ name: `matrix ${role}`, role, expiresIn }),
      });
      expect(made.status).toBe(201);
      return (await made.json()) as { token: string; tokenInfo: { id: string } };
    };
    for (const role of USER_ROLES) tokens.set(role, (await make(role)).token);
    tokens.set('expired', (await make('admin', '1s')).token);
    const revoked = await make('admin');
    const revoking = await fetch(new URL(`/api/tokens/${revoked.tokenInfo.id}`, platform.url), {
      method: 'DELETE',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(revoking.status).toBe(200);
    tokens.set('revoked', revoked.token);
    await new Promise((wait) => setTimeout(wait, 1100));
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has an access rule on every route: nothing is open by omission', () => {
    expect(ROUTES.length).toBeGreaterThan(30);
    expect(ROUTES.filter((route) => route.rule === undefined).map((route) => `${route.method} ${route.path}`)).toEqual(
      [],
    );
    // Open routes are the few that must be, each with its reason.
    expect(
      ROUTES.filter((route) => route.rule?.kind === 'public').map((route) => `${route.method} ${route.path}`),
    ).toEqual([
      'POST /api/auth/login',
      'GET /api/auth/oidc/callback',
      'GET /api/auth/oidc/login',
      'GET /api/auth/providers',
      'POST /api/auth/token',
      'GET /api/docs',
      'GET /api/docs/init.js',
      'GET /api/health',
      'GET /api/openapi.json',
    ]);
    // And the one route a scraper's token opens besides the roles.
    expect(
      ROUTES.filter((route) => route.rule?.kind === 'roles' && route.rule.orMetricsToken).map(
        (route) => `${route.method} ${route.path}`,
      ),
    ).toEqual(['GET /metrics']);
  });

  // A rebuild drops and refills the read models; run it last so the other routes see a settled platform.
  const rebuildLast = [...ROUTES].sort((a, b) => Number(isRebuild(a)) - Number(isRebuild(b)));
  for (const route of rebuildLast) {
    it(`${route.method} ${route.path}`, async () => {
      const callers = ['anonymous', ...USER_ROLES, 'expired', 'revoked'] as const;
      // One caller at a time: maturity costs seconds, and seven at once only measure the queue.
      for (const caller of callers) {
        const response = await call(route, caller);
        const expected =
          caller === 'expired' || caller === 'revoked'
            ? expectedAccess(route.rule, 'anonymous')
            : expectedAccess(route.rule, caller);
        const what = `${route.method} ${route.path} as ${caller}: ${response.status} ${response.status >= 400 ? await response.clone().text() : ''}`;
        if (expected === 'allowed') {
          expect([401, 403], what).not.toContain(response.status);
          expect(response.status, what).toBeLessThan(500);
        } else {
          expect(response.status, what).toBe(expected);
        }
        // Cancel rather than read: GET /api/live is an event stream that never ends by itself.
        await response.body?.cancel();
      }
    });
  }

  it('is the table docs/sign-in.md shows', () => {
    const doc = readFileSync(resolve(__dirname, '..', '..', '..', '..', '..', 'docs', 'sign-in.md'), 'utf8');
    const table = roleMatrixMarkdown(ROUTES);
    expect(doc, 'docs/sign-in.md is stale: run `npm run docs:roles`').toContain(table);
  });
});
