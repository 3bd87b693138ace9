import type { MaturityResponse } from '@presales/contracts';
import { MATURITY_PRACTICE_RULES } from '@presales/kpi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  bearerFor,
  json,
  startPlatform,
  tempDataDir,
  untilCaughtUp,
  type PlatformProcess,
} from './platform-process.js';

/** Who asks: the one place to add credentials when sign-in replaces the X-Actor-* headers. */

describe('GET /api/maturity explains every practice in both languages', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  beforeAll(async () => {
    platform = await startPlatform(data.dir, { DEMO_DATA: 'off' });
    await untilCaughtUp(platform.url);
  });
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  const get = async (path: string) =>
    json<MaturityResponse>(
      await apiFetch(`${platform.url}${path}`, { headers: await bearerFor(platform.url, 'manager') }),
    );

  it('serves the meaning, units of work and empty-window rule docs/maturity.md shows, for every practice of every area', async () => {
    const answer = await get('api/maturity?asOf=2026-08-01T00:00:00Z');
    const served = answer.areas.flatMap((area) => area.levels.flatMap((level) => level.practices));
    expect(served.map((p) => p.id)).toEqual(MATURITY_PRACTICE_RULES.map((rule) => rule.id));
    for (const rule of MATURITY_PRACTICE_RULES) {
      const practice = served.find((p) => p.id === rule.id)!;
      expect(practice, rule.id).toMatchObject({
        meaning: rule.meaning,
        unitsOfWork: rule.unitsOfWork,
        whenNoUnits: rule.whenNoUnits,
      });
      // Clients that read `description` keep reading the English meaning.
      expect(practice.description).toBe(rule.meaning.en);
    }
  });

  it('explains the practices of one area in its drill-down, and why an empty window holds it at level 1', async () => {
    const bid = (await get('api/maturity/bid?asOf=2026-08-01T00:00:00Z')).areas[0]!;
    expect(bid.level).toBe(1);
    const decision = bid.levels[1]!.practices.find((p) => p.id === 'bid.decision_recorded')!;
    expect(decision).toMatchObject({
      units: 0,
      passed: false,
      reason: 'no units of work in the window',
      whenNoUnits: 'fails',
    });
    expect(decision.meaning.zh).toBe('窗口内收到的每个招标都有投标决策（BidDecisionMade）');
    expect(bid.levels[4]!.practices.find((p) => p.id === 'bid.red_kpis_get_actions')).toMatchObject({
      units: 0,
      passed: true,
      whenNoUnits: 'passes',
    });
  });
});
