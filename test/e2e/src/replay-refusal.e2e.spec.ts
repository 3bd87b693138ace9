import type { ApiErrorBody, HealthResponse } from '@presales/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFetch, json, startPlatform, tempDataDir, untilCaughtUp, type PlatformProcess } from './platform-process.js';

/**
 * While the projector replays the log (here: the demo history of a first start, as after an
 * emptied analytics store), a KPI answer would count part of it and look complete. Reads are
 * refused with 503 `projecting`, and health is degraded, until it has caught up (decision 0028).
 */
describe('KPI reads while the projector replays the history', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  beforeAll(async () => {
    platform = await startPlatform(data.dir, { DEMO_DATA: 'on' });
  }, 180_000);
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('are refused, saying so, and health is degraded, until the projector has caught up', async () => {
    let refused = 0;
    for (const started = Date.now(); Date.now() - started < 120_000;) {
      const health = await apiFetch(`${platform.url}api/health`);
      const body = await json<HealthResponse>(health);
      if (body.projector.state === 'live') break;
      const scorecard = await apiFetch(`${platform.url}api/kpis/scorecard?period=2025-Q1`);
      const after = await json<HealthResponse>(await apiFetch(`${platform.url}api/health`));
      if (after.projector.state === 'live') break;
      // Still replaying after the read: it must have been refused, not answered in part.
      expect({
        status: scorecard.status,
        before: body.projector,
        after: after.projector,
        body: scorecard.status === 503 ? '' : await scorecard.clone().text(),
      }).toMatchObject({ status: 503 });
      expect(scorecard.headers.get('retry-after')).toBe('5');
      const error = (await json<ApiErrorBody>(scorecard)).error;
      expect(error.code).toBe('projecting');
      expect(error.message).toMatch(
        /^the read models are catching up with the event log \(\d+(?: or more)? events behind, at position \d+\): an answer now would be partial/,
      );
      if (body.projector.lagEvents > 0)
        expect({ status: health.status, health: body.status }).toEqual({ status: 503, health: 'degraded' });
      refused += 1;
    }
    // The demo history (over 10,000 events) takes longer to project than a read waits (2 s).
    expect(refused).toBeGreaterThan(0);
    await untilCaughtUp(platform.url, 120_000);
    expect((await apiFetch(`${platform.url}api/kpis/scorecard?period=2025-Q1`)).status).toBe(200);
    expect((await apiFetch(`${platform.url}api/health`)).status).toBe(200);
  }, 180_000);
});
