import type { AnalyticsStore, ScratchSession } from '@presales/analytics';
import { ValidationError } from '@presales/domain';
import { KPI_CATALOG, parsePeriod } from '@presales/kpi';
import { describe, expect, it } from 'vitest';
import { ProjectionBehindError } from '../errors.js';
import { kpiSnapshotAsOf, SETTLED_AFTER_MS, type KpiSnapshotRequest, type ProjectionProgress } from './kpi-snapshot.js';

/**
 * Every KPI query answers "no rows", every maturity copy is made of nothing: enough to see what
 * the snapshot guards and how it serialises.
 */
function emptyAnalytics(queries: string[]): AnalyticsStore {
  const query = async (sql: string) => (queries.push(sql), []);
  return {
    capabilities: { insertDeduplicationToken: true, concurrentQueries: 2 },
    query,
    withScratchSession: (work: (session: ScratchSession) => Promise<unknown>) =>
      work({ database: 'test', command: async (sql) => void queries.push(sql), query } as ScratchSession),
  } as unknown as AnalyticsStore;
}

const request: KpiSnapshotRequest = {
  asOf: new Date('2026-03-31T23:59:59Z'),
  period: parsePeriod('2026-Q1'),
  scope: { kind: 'org' },
  windowQuarters: 2,
  threshold: 0.8,
  definitionsAt: async () => KPI_CATALOG,
  fx: { reportingCurrency: 'CNY', rates: { CNY: '1' } },
};

const caughtUp: ProjectionProgress = { headPosition: async () => 42n, waitForPosition: async () => true };

describe('KPI snapshot as of a moment', () => {
  it('answers the scorecard and maturity as canonical JSON with its SHA-256, every query limited to asOf', async () => {
    const queries: string[] = [];
    const answer = await kpiSnapshotAsOf(emptyAnalytics(queries), caughtUp, new Date('2026-06-01T00:00:00Z'), request);
    expect(answer.snapshot).toMatchObject({
      asOf: '2026-03-31T23:59:59.000Z',
      period: '2026-Q1',
      scope: 'org',
      scorecard: { period: '2026-Q1' },
      maturity: { window: { quarters: ['2025-Q3', '2025-Q4'] } },
    });
    expect(JSON.parse(answer.canonical)).toEqual(JSON.parse(JSON.stringify(answer.snapshot)));
    expect(
      answer.canonical.startsWith(
        '{"asOf":"2026-03-31T23:59:59.000Z","figures":"non-integer numbers rounded to 10 significant digits","maturity":{',
      ),
    ).toBe(true);
    expect(answer.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(queries.length).toBeGreaterThan(28);
    expect(
      queries.every(
        (sql) => !sql.includes('recorded_at_ms') || sql.includes(`recorded_at_ms <= ${request.asOf.getTime()}`),
      ),
    ).toBe(true);
  });

  it('refuses a moment that is not settled yet: a later append could still change the answer', async () => {
    const now = new Date(request.asOf.getTime() + SETTLED_AFTER_MS - 1);
    await expect(kpiSnapshotAsOf(emptyAnalytics([]), caughtUp, now, request)).rejects.toThrow(ValidationError);
    await expect(kpiSnapshotAsOf(emptyAnalytics([]), caughtUp, now, request)).rejects.toThrow(
      /asOf = "2026-03-31T23:59:59.000Z": must be at or before 2026-03-31T23:59:58.999Z/,
    );
  });

  it('refuses to answer while the projection is behind the log, naming the position', async () => {
    let waitedFor: bigint | undefined;
    const behind: ProjectionProgress = {
      headPosition: async () => 42n,
      waitForPosition: async (position) => ((waitedFor = position), false),
    };
    const queries: string[] = [];
    await expect(
      kpiSnapshotAsOf(emptyAnalytics(queries), behind, new Date('2026-06-01T00:00:00Z'), request),
    ).rejects.toThrow(ProjectionBehindError);
    expect(waitedFor).toBe(42n);
    expect(queries).toEqual([]);
  });
});
