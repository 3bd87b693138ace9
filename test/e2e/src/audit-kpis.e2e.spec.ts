import { hash, randomUUID } from 'node:crypto';
import type { ApiErrorBody, ScorecardResponse } from '@presales/contracts';
import type { KpiSnapshot } from '@presales/audit';
import { DemoClock, generateDemo, loadDemo } from '@presales/demo';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsFile, projectionSettled } from './audit-fixtures.js';
import { apiFetch, json, runUntilExit, startPlatform, tempDataDir, type PlatformProcess } from './platform-process.js';

const AS_OF = '2025-06-30T23:59:59Z';
const PERIOD = '2025-Q2';

/**
 * KPI time travel (DESIGN.md decision 11): the scorecard and maturity as they were at a past
 * asOf, over a generated history recorded at its own times, byte for byte the same after more
 * events have been recorded, including events whose business time falls inside the period.
 */
describe('KPI time travel', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  const snapshot = () => apiFetch(`${platform.url}api/audit/kpis?asOf=${AS_OF}&period=${PERIOD}`);
  const liveBidRate = async () =>
    (await json<ScorecardResponse>(await apiFetch(`${platform.url}api/kpis/scorecard?period=${PERIOD}`))).lines.find(
      (l) => l.kpiId === 'bid_rate',
    )!;

  beforeAll(async () => {
    const clock = new DemoClock();
    const store = SqliteEventStore.open({ file: eventsFile(data.dir), durability: 'normal', clock: clock.read });
    await loadDemo(generateDemo({ seed: 11, scale: 3000 }), store, clock);
    await store.close();
    platform = await startPlatform(data.dir);
    await projectionSettled(platform.url);
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('gives the same bytes after more events are recorded, while the live scorecard moves', async () => {
    const first = await snapshot();
    expect(first.status).toBe(200);
    const before = Buffer.from(await first.arrayBuffer());
    expect(first.headers.get('x-content-sha256')).toBe(hash('sha256', before, 'hex'));
    const parsed = JSON.parse(before.toString()) as KpiSnapshot;
    expect(parsed).toMatchObject({
      asOf: '2025-06-30T23:59:59.000Z',
      period: PERIOD,
      scope: 'org',
      maturity: { window: { quarters: ['2024-Q4', '2025-Q1'] } },
    });
    expect(parsed.scorecard.lines.filter((line) => line.do.actual !== null).length).toBeGreaterThan(10);
    const liveBefore = await liveBidRate();

    // A bid decision recorded now about a tender of the period: business time in 2025-Q2.
    const writer = SqliteEventStore.open({ file: eventsFile(data.dir) });
    const metadata = (occurredAt: string) => ({
      occurredAt,
      actor: { id: 'late-clerk', role: 'sales' as const },
      schemaVersion: 1,
    });
    await writer.appendToStream('tender-T-afterwards', [
      {
        id: randomUUID(),
        type: 'TenderReceived',
        data: {
          tenderId: 'T-afterwards',
          opportunityId: 'O-afterwards',
          kind: 'rfp',
          issuer: 'Late Corp',
          deadline: '2025-06-20T12:00:00Z',
        },
        metadata: metadata('2025-05-02T09:00:00Z'),
      },
      {
        id: randomUUID(),
        type: 'BidDecisionMade',
        data: { decision: 'no_bid', rationale: 'recorded long after the fact', score: 10 },
        metadata: metadata('2025-05-03T09:00:00Z'),
      },
    ]);
    await writer.close();
    await projectionSettled(platform.url);

    const liveAfter = await liveBidRate();
    expect(liveAfter.do.units).toBe(liveBefore.do.units + 1);
    const after = Buffer.from(await (await snapshot()).arrayBuffer());
    expect(after.equals(before)).toBe(true);

    const printed = await runUntilExit(['audit', 'kpis', '--as-of', AS_OF, '--period', PERIOD, '--url', platform.url]);
    expect(printed.code).toBe(0);
    expect(printed.output).toContain(before.toString());
    expect(printed.output).toContain(`SHA-256 ${hash('sha256', before, 'hex')}`);
  });

  it('refuses a moment that can still change', async () => {
    const future = await apiFetch(`${platform.url}api/audit/kpis?asOf=2099-01-01T00:00:00Z`);
    expect(future.status).toBe(400);
    expect((await json<ApiErrorBody>(future)).error.message).toMatch(
      /asOf = "2099-01-01T00:00:00.000Z": must be at or before .*later moments can still gain events/,
    );
  });
});
