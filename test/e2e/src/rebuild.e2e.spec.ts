import type { ApiErrorBody, HealthResponse, ScorecardResponse, TendersReceivedResponse } from '@presales/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  bearerFor,
  headPosition,
  json,
  postJson,
  runUntilExit,
  startPlatform,
  tempDataDir,
  type PlatformProcess,
} from './platform-process.js';

/** Until the KPI values kept per period are current through the projector's checkpoint (decision 0054). */
async function untilKeptValuesCurrent(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const health = await json<HealthResponse>(await apiFetch(`${url}api/health`));
    if (health.keptKpiValues?.state === 'current' && health.keptKpiValues.through === health.projector.checkpoint)
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the kept KPI values were not current within 120 s');
}

/** Each KPI's actual and units of the org's March 2026. */
async function marchActuals(url: string): Promise<unknown[]> {
  const card = await json<ScorecardResponse>(await apiFetch(`${url}api/kpis/scorecard?period=2026-03`));
  return card.lines.map((line) => [line.kpiId, line.do.actual, line.do.units, line.check.previousActual]);
}

describe('presales rebuild against a running platform', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  beforeAll(async () => {
    platform = await startPlatform(data.dir, { KEPT_KPI_VALUES: 'on' });
    for (let i = 0; i < 25; i += 1) {
      await postJson(`${platform.url}api/tenders`, {
        tenderId: `RB-${i}`,
        opportunityId: 'O-1',
        kind: 'rfi',
        issuer: 'Acme',
        deadline: '2026-07-01T00:00:00Z',
        receivedAt: `2026-0${(i % 6) + 1}-01T00:00:00Z`,
      });
    }
  });
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('is for admins only', async () => {
    const response = await postJson(`${platform.url}api/admin/rebuild`, {}, await bearerFor(platform.url, 'analyst'));
    expect(response.status).toBe(403);
    expect((await json<ApiErrorBody>(response)).error.code).toBe('forbidden');
  });

  it('rebuilds every read model with progress and the KPIs come out the same', async () => {
    const before = await json<TendersReceivedResponse>(await apiFetch(`${platform.url}api/kpis/tenders-received`));
    await untilKeptValuesCurrent(platform.url);
    const scorecardBefore = await marchActuals(platform.url);
    const run = await runUntilExit(['rebuild', '--url', platform.url]);
    expect(run.code).toBe(0);
    // 25 tenders after the 28 KPI definitions published on first start, and the security events
    // of the first admin and the analyst's token (in the log, though no read model holds them).
    const head = await headPosition(platform.url);
    expect(head).toBeGreaterThanOrEqual(53);
    expect(run.output).toContain(`100.0%  ${head}/${head} events`);
    expect(run.output).toContain(`rebuilt every read model up to position ${head}`);
    const after = await json<TendersReceivedResponse>(await apiFetch(`${platform.url}api/kpis/tenders-received`));
    expect(after.points).toEqual(before.points);
    // The kept KPI values were dropped with the tables they are computed from, and kept again.
    await untilKeptValuesCurrent(platform.url);
    expect(await marchActuals(platform.url)).toEqual(scorecardBefore);
    // The live projector is back: a new tender shows up.
    await postJson(`${platform.url}api/tenders`, {
      tenderId: 'RB-new',
      opportunityId: 'O-1',
      kind: 'rfi',
      issuer: 'Acme',
      deadline: '2026-07-01T00:00:00Z',
      receivedAt: '2026-01-15T00:00:00Z',
    });
    const latest = await json<TendersReceivedResponse>(await apiFetch(`${platform.url}api/kpis/tenders-received`));
    expect(latest.total).toBe(26);
  });

  it('explains an unreachable platform', async () => {
    const run = await runUntilExit(['rebuild', '--url', 'http://127.0.0.1:9/']);
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/presales rebuild: cannot reach the platform at http:\/\/127\.0\.0\.1:9\//);
  });
});
