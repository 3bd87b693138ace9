import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assessMaturity, rebuildReadModels, type AnalyticsStore, type MaturityRequest } from '@presales/analytics';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { ClickHouseAnalyticsStore } from '@presales/analytics-clickhouse';
import { clickHouseSkipReason, startClickHouseServer, type RunningClickHouse } from '@presales/clickhouse-harness';
import type { MaturityResponse } from '@presales/contracts';
import type { RecordedEvent } from '@presales/event-store';
import type { SqliteEventStore } from '@presales/event-store-sqlite';
import { KPI_CATALOG } from '@presales/kpi';
import { oracleMaturity, peopleClimbsToLevel5, Scenario, TEST_FX } from '@presales/kpi-oracle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maturityMismatches } from './maturity-comparison.js';
import { recordScenario } from './recorded-scenario.js';

/**
 * The edge cases of decision 0023, each on a hand-written history: the platform and the oracle
 * must agree with each other and with the decision. The window is 2026-Q2, as of 2026-07-15.
 */
const AS_OF = '2026-07-15T00:00:00.000Z';
const WINDOW: MaturityRequest = {
  asOf: new Date(AS_OF),
  windowQuarters: 1,
  threshold: 0.8,
  definitions: KPI_CATALOG,
  fx: TEST_FX,
};

function history(): readonly RecordedEvent[] {
  return (
    new Scenario()
      // Units straddling the window's edges. T0 was received before the window (decided in it):
      // not a unit. T3 was received in its last millisecond and decided after it, before asOf:
      // a unit that passes. T4's decision was recorded after asOf: a unit that fails.
      .opportunity('O1', '2026-03-01T00:00:00Z')
      .tender('T0', 'O1', '2026-03-31T23:59:59.999Z', '2026-05-01T00:00:00Z')
      .bidDecision('T0', 'bid', '2026-04-02T00:00:00Z')
      .tender('T1', 'O1', '2026-04-20T00:00:00Z', '2026-06-30T00:00:00Z')
      .bidDecision('T1', 'bid', '2026-04-21T00:00:00Z')
      .tender('T2', 'O1', '2026-05-02T00:00:00Z', '2026-06-30T00:00:00Z')
      .bidDecision('T2', 'bid', '2026-05-03T00:00:00Z')
      .tender('T3', 'O1', '2026-06-30T23:59:59.999Z', '2026-08-30T00:00:00Z')
      .bidDecision('T3', 'bid', '2026-07-05T00:00:00Z')
      .tender('T4', 'O1', '2026-06-29T00:00:00Z', '2026-08-30T00:00:00Z')
      // A standard published in the middle of the window: T1's review before it cites none and
      // fails; T1's review after it cites version 1 and passes.
      .reviewCiting('T1', 'rev-a', 'solution', undefined, '2026-05-01T00:00:00Z')
      .standard('bid', 1, '2026-05-15T00:00:00Z')
      .reviewCiting('T1', 'rev-b', 'final', 1, '2026-05-20T00:00:00Z')
      .submitted('T1', '2026-05-21T00:00:00Z')
      // A checklist superseded between a review and its submission: T2's review cites version 1,
      // current when it was held; version 2 comes before the submission. The review passes.
      .reviewCiting('T2', 'rev-c', 'solution', 1, '2026-05-25T00:00:00Z')
      .standard('bid', 2, '2026-06-01T00:00:00Z')
      .submitted('T2', '2026-06-05T00:00:00Z')
      // Version 3 is published after version 2 but dated before it: from its date on it is the
      // current one (the highest version published by then), so rev-e, citing it, passes.
      .standard('bid', 3, '2026-05-28T00:00:00Z')
      .reviewCiting('T3', 'rev-e', 'legal', 3, '2026-06-10T00:00:00Z')
      // A review that cites a version superseded before it was held fails.
      .reviewCiting('T3', 'rev-d', 'solution', 1, '2026-06-30T23:59:59.999Z')
      // T5's solution review was recorded before its submission but happened after it: neither
      // reviewed before submission (level 2) nor solution-reviewed before it (level 3).
      .tender('T5', 'O1', '2026-04-05T00:00:00Z', '2026-06-30T00:00:00Z')
      .bidDecision('T5', 'bid', '2026-04-06T00:00:00Z')
      .reviewCiting('T5', 'rev-f', 'solution', undefined, '2026-04-12T00:00:00Z')
      .submitted('T5', '2026-04-10T00:00:00Z')
      // Consultants at the window's edges: c-gone left exactly as it began (no unit); c-new
      // joined in its last days and logged nothing (a failing unit); c1 logged time in it.
      .consultant('c-gone', '2025-01-01T00:00:00Z')
      .offboarded('c-gone', '2026-04-01T00:00:00Z')
      .consultant('c1', '2025-01-01T00:00:00Z')
      .timeLogged('c1', 'E1', 4, 'internal', '2026-05-04T09:00:00Z')
      .consultant('c-new', '2026-06-29T00:00:00Z')
      // Requirements with only standard fits: no custom or gap fit to estimate, effort_estimated
      // has no units and is met; the area reaches level 3 with its standard.
      .requirementCaptured('O1', 'R1', '2026-04-10T00:00:00Z')
      .requirementFit('O1', 'R1', 'standard', '2026-04-11T00:00:00Z')
      .standard('requirements', 1, '2026-04-01T00:00:00Z')
      // Recorded after asOf: as if it did not exist.
      .bidDecision('T4', 'bid', { at: '2026-07-01T00:00:00Z', recordedAt: '2026-07-20T00:00:00Z' }).events
  );
}

const practiceOf = (result: MaturityResponse, id: string) =>
  result.areas.flatMap((a) => a.levels.flatMap((l) => l.practices)).find((p) => p.id === id)!;
const areaOf = (result: MaturityResponse, area: string) => result.areas.find((a) => a.area === area)!;

const serverSkip = clickHouseSkipReason('maturity edge cases on the ClickHouse server');
const ENGINES = [
  { name: 'chdb', skip: undefined as string | undefined },
  { name: 'clickhouse-server', skip: serverSkip },
];
// One ClickHouse server for the file: each history gets its own database on it.
let server: RunningClickHouse | undefined;
beforeAll(async () => {
  if (serverSkip === undefined) server = await startClickHouseServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/**
 * Records `events`, projects them on each engine, and hands `check` the platform's answer for each
 * request after checking it against the oracle's.
 */
function onEveryEngine(
  title: string,
  database: string,
  events: () => readonly RecordedEvent[],
  requests: readonly MaturityRequest[],
  check: (results: MaturityResponse[]) => void,
): void {
  describe(title, () => {
    const dir = mkdtempSync(join(tmpdir(), 'presales-maturity-edges-'));
    let eventStore: SqliteEventStore;
    let recorded: RecordedEvent[];
    const stores: AnalyticsStore[] = [];

    beforeAll(async () => {
      ({ store: eventStore, events: recorded } = await recordScenario(dir, events()));
    }, 120_000);
    afterAll(async () => {
      for (const store of stores) await store.close();
      await eventStore?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    for (const engine of ENGINES) {
      it.skipIf(engine.skip !== undefined)(
        `on ${engine.name}, with the oracle`,
        async () => {
          const store =
            engine.name === 'chdb'
              ? await ChdbAnalyticsStore.open({ path: join(dir, 'clickhouse'), database })
              : await ClickHouseAnalyticsStore.open({ url: server!.url, database });
          stores.push(store);
          await rebuildReadModels(eventStore, store);
          const results: MaturityResponse[] = [];
          for (const request of requests) {
            const result = await assessMaturity(store, request);
            const oracle = oracleMaturity(recorded, { ...request, asOf: request.asOf.toISOString() });
            expect(maturityMismatches(`${engine.name} asOf ${request.asOf.toISOString()}`, result, oracle)).toEqual([]);
            results.push(result);
          }
          check(results);
        },
        120_000,
      );
    }
  });
}

onEveryEngine('maturity at the edges (decision 0023)', 'maturity_edges', history, [WINDOW], ([result]) => {
  // Straddling units: by the event that starts them; evidence until asOf.
  expect(practiceOf(result!, 'bid.decision_recorded')).toMatchObject({ units: 5, evidence: 4, failingUnitIds: ['T4'] });
  expect(practiceOf(result!, 'resourcing.time_logged')).toMatchObject({
    units: 2,
    evidence: 1,
    failingUnitIds: ['c-new'],
  });
  // A standard published mid-window counts; reviews before it fail, a superseded citation fails.
  expect(practiceOf(result!, 'bid.standard_published')).toMatchObject({ units: 1, evidence: 1, passed: true });
  expect(practiceOf(result!, 'bid.reviews_cite_current_checklist')).toMatchObject({
    units: 6,
    evidence: 3,
    failingUnitIds: ['T1/rev-a', 'T3/rev-d', 'T5/rev-f'],
  });
  // "Before" the submission is by business time, at level 2 and level 3 alike.
  expect(practiceOf(result!, 'bid.reviewed_before_submission')).toMatchObject({
    units: 3,
    evidence: 2,
    failingUnitIds: ['T5'],
  });
  expect(practiceOf(result!, 'solution.solution_review_before_submission')).toMatchObject({
    units: 3,
    evidence: 2,
    failingUnitIds: ['T5'],
  });
  // No units of work: a practice about exceptions is met, any other fails and holds its area at 1.
  expect(practiceOf(result!, 'requirements.effort_estimated')).toMatchObject({ units: 0, passed: true });
  expect(areaOf(result!, 'requirements').level).toBe(3);
  expect(practiceOf(result!, 'quotation.approval_requested')).toMatchObject({
    units: 0,
    passed: false,
    reason: 'no units of work in the window',
  });
  expect(areaOf(result!, 'quotation').level).toBe(1);
});

onEveryEngine(
  'maturity levels 4 and 5: targets, a red quarter with an effective action, an improving composite',
  'maturity_level_5',
  () => peopleClimbsToLevel5().events,
  [
    { ...WINDOW, asOf: new Date('2026-07-15T00:00:00Z'), windowQuarters: 2 },
    { ...WINDOW, asOf: new Date('2026-07-05T00:00:00Z'), windowQuarters: 2 },
  ],
  ([verified, before]) => {
    expect(areaOf(verified!, 'people').level).toBe(5);
    expect(practiceOf(verified!, 'people.red_kpis_get_actions')).toMatchObject({ units: 1, evidence: 1, passed: true });
    expect(practiceOf(verified!, 'people.actions_effective')).toMatchObject({ units: 1, evidence: 1, passed: true });
    // Before A1's verification was recorded, nothing verified is no evidence of improvement.
    expect(areaOf(before!, 'people').level).toBe(4);
    expect(practiceOf(before!, 'people.actions_effective')).toMatchObject({ units: 0, passed: false });
  },
);
