import { describe, expect, it } from 'vitest';
import type { AnalyticsRow, AnalyticsStore } from '../analytics-store.port.js';
import { EarlierEventMemory } from '../projection/earlier-events.js';
import { projectEvents } from '../projection/project-events.js';
import { projectionContextOf } from '../projection/projection-context.js';
import { CONSULTANT_WEEK_LOAD_TABLE } from '../projection/week-load/consultant-week-load.js';
import { migrate, MIGRATIONS } from '../schema/migrations.js';
import { readCommittedLoads, readPastOutcomes } from '../staffing/staffing-facts.js';
import {
  readStaffingFacts,
  staffingWeeks,
  suggestFromFacts,
  type StaffingWork,
} from '../staffing/staffing-suggestions.js';
import type { CommittedWeekLoad } from '../staffing/weekly-load.js';
import { weekLoadMigrationStatements } from '../projection/week-load/week-load-backfill.js';
import { assignmentLoadsBefore0048 } from './assignment-loads-before-0048.js';
import { pastOutcomesBefore0048 } from './past-outcomes-before-0048.js';
import { recordedHistory, type HistoryEntry } from './fixtures.js';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** A Monday: the generated histories run from here for about a year. */
const START = Date.parse('2026-01-05T00:00:00Z');

/** A small seeded generator (mulberry32): the same history on every engine and every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

/**
 * Consultants with assignments of every shape the domain allows: a day or months long, starting
 * on any weekday, allocations with two decimals, and releases before the first day, inside the
 * span, on a Monday, or after the last day; some consultants in war rooms, one of them
 * offboarded. Events in time order within each stream, as the platform records them.
 */
function generatedHistory(seed: number): HistoryEntry[] {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const entries: { at: number; entry: HistoryEntry }[] = [];
  const add = (at: number, streamId: string, type: string, data: Record<string, unknown>) =>
    entries.push({ at, entry: [streamId, type, iso(at), data] });
  const consultants = Array.from({ length: 10 }, (_, i) => `C-${seed}-${i}`);
  add(START - 30 * DAY, 'team-T-1', 'TeamFormed', {
    teamId: 'T-1',
    name: 'ERP',
    managerId: 'M-1',
    productLines: ['erp'],
  });
  for (const [id, lines] of [
    ['O-1', ['erp']],
    ['O-2', ['erp', 'crm']],
    ['O-3', ['crm']],
  ] as const)
    add(START - 30 * DAY, `opportunity-${id}`, 'OpportunityRegistered', {
      opportunityId: id,
      name: id,
      customer: 'Huaxin Group',
      industry: 'retail',
      region: 'East China',
      productLines: [...lines],
      projectType: 'product',
      estimatedValue: { amount: '1000000', currency: 'CNY' },
      salesOwnerId: 'S-1',
    });
  add(START + 320 * DAY, 'opportunity-O-1', 'OpportunityWon', { amount: { amount: '900000', currency: 'CNY' } });
  add(START + 321 * DAY, 'opportunity-O-2', 'OpportunityLost', { reason: 'price', productGapIds: [] });
  for (const [i, id] of consultants.entries()) {
    const stream = `consultant-${id}`;
    add(START - 20 * DAY + i, stream, 'ConsultantOnboarded', {
      consultantId: id,
      name: `Person ${id}`,
      teamId: 'T-1',
      level: 'senior',
      productLines: i % 3 === 0 ? ['crm'] : ['erp'],
      skills: i % 2 === 0 ? ['Demo craft'] : [],
      weeklyCapacityHours: 40,
      hourlyCost: { amount: '100', currency: 'CNY' },
    });
    let at = START - 10 * DAY + i * 3_600_000;
    for (let a = 0; a < 4 + int(6); a += 1) {
      at += int(40) * DAY + int(DAY);
      const from = START + int(330) * DAY;
      const to = from + [0, 1, 6, 7, 13, 60, 150][int(7)]! * DAY;
      const assignmentId = `AS-${id}-${a}`;
      add(at, stream, 'ConsultantAssigned', {
        assignmentId,
        opportunityId: ['O-1', 'O-2', 'O-3'][int(3)],
        role: 'support',
        allocationPct: [10, 12.5, 33.33, 50, 0.01, 99.99, 100][int(7)]!,
        from: day(from),
        to: day(to),
      });
      const release = int(5);
      // 0: never; 1: before the first day; 2: inside; 3: on a Monday inside; 4: after the last day.
      if (release === 0) continue;
      const releasedAt =
        release === 1
          ? from - int(5) * DAY - 1
          : release === 2
            ? from + int(Math.max(1, (to - from) / DAY)) * DAY + int(DAY)
            : release === 3
              ? START + Math.ceil((from - START) / WEEK) * WEEK
              : to + DAY + int(10) * DAY;
      add(Math.max(at + 1, releasedAt), stream, 'ConsultantReleased', { assignmentId });
    }
  }
  // A war room for a while, with a member joining and one leaving: loads beside the assignments'.
  const opened = START + int(200) * DAY;
  add(opened, 'warroom-W-1', 'WarRoomOpened', {
    warRoomId: 'W-1',
    opportunityId: 'O-1',
    commanderId: consultants[1],
    memberIds: [consultants[2]],
    allocationPct: 40,
    reason: 'Big bid',
  });
  add(opened + 9 * DAY, 'warroom-W-1', 'WarRoomMemberJoined', { consultantId: consultants[4] });
  add(opened + 20 * DAY, 'warroom-W-1', 'WarRoomMemberLeft', { consultantId: consultants[2] });
  add(opened + 60 * DAY, 'warroom-W-1', 'WarRoomClosed', { outcome: 'won' });
  // Activities of two kinds with their outcomes, some never completed: the record on similar work.
  for (let a = 0; a < 30; a += 1) {
    const at = START + int(300) * DAY;
    const stream = `activity-A-${a}`;
    const kind = a % 3 === 0 ? 'workshop' : 'demo';
    add(at, stream, 'ActivityScheduled', {
      activityId: `A-${a}`,
      opportunityId: 'O-1',
      kind,
      consultantIds: [consultants[int(10)]!, ...consultants.filter(() => next() < 0.2)].filter(
        (c, i, all) => all.indexOf(c) === i,
      ),
      scheduledFor: iso(at + 2 * DAY),
      plannedHours: 4,
    });
    if (a % 4 !== 0)
      add(at + 2 * DAY, stream, 'ActivityCompleted', {
        actualHours: 4,
        outcome: ['positive', 'negative', 'neutral'][int(3)],
        usedAssetIds: [],
      });
  }
  add(START + 300 * DAY, `consultant-${consultants[9]}`, 'ConsultantOffboarded', { reason: 'left' });
  // Streams stay in order; the log interleaves them by time, as the platform records them.
  return entries.sort((a, b) => a.at - b.at).map(({ entry }) => entry);
}

const sorted = (loads: readonly CommittedWeekLoad[]) =>
  [...loads].sort((a, b) => a.mondayMs - b.mondayMs || a.consultantId.localeCompare(b.consultantId));

/** Windows of one to nine weeks over the whole history and beyond it. */
const WINDOWS = Array.from({ length: 24 }, (_, i) => ({
  first: START - 2 * WEEK + i * 3 * WEEK,
  weeks: 1 + (i % 9),
}));

const mondaysOf = ({ first, weeks }: { first: number; weeks: number }) =>
  Array.from({ length: weeks }, (_, k) => first + k * WEEK);

async function projectInto(
  store: AnalyticsStore,
  rows: Map<string, AnalyticsRow[]>,
  only?: (table: string) => boolean,
) {
  for (const [table, tableRows] of rows)
    if (tableRows.length > 0 && (only === undefined || only(table))) await store.insert(table, tableRows);
}

async function expectLoadsAsBefore(store: AnalyticsStore): Promise<number> {
  let weeksWithLoad = 0;
  for (const window of WINDOWS) {
    const mondays = mondaysOf(window);
    const expected = sorted(await assignmentLoadsBefore0048(store, mondays));
    const actual = sorted(await readCommittedLoads(store, mondays[0]!, mondays[mondays.length - 1]! + WEEK));
    expect(actual, `weeks from ${day(window.first)}`).toEqual(expected);
    weeksWithLoad += expected.length;
  }
  return weeksWithLoad;
}

/**
 * The weekly committed load and the completions' participants (decision 0048) on this engine:
 * the loads read from the table equal the assignments read from the whole history as before, the
 * record read from the completions alone equals the one joined from their scheduling, and so
 * does the whole ranking, after a replayed batch, and in a store created before the table once
 * migrated.
 */
export function describeWeekLoadContract(fresh: () => Promise<AnalyticsStore>): void {
  describe('weekly committed load (decision 0048)', () => {
    const histories = [11, 12, 13].map((seed) => recordedHistory(1n, generatedHistory(seed)));
    const projected = histories.map((history) =>
      projectEvents(history, projectionContextOf(history, new EarlierEventMemory())),
    );

    it('gives the loads, the record and the ranking the reads before it gave, on generated histories, and after a replayed batch', async () => {
      for (const rows of projected) {
        const store = await fresh();
        await migrate(store);
        await projectInto(store, rows);
        await projectInto(store, rows); // a crash before the checkpoint replays the batch
        expect(await expectLoadsAsBefore(store)).toBeGreaterThan(40);
        for (const window of WINDOWS.filter((_, i) => i % 4 === 1)) {
          const now = new Date(window.first + 2 * DAY);
          const work: StaffingWork = {
            kind: 'request',
            id: 'R-1',
            opportunityId: 'O-1',
            workKind: window.weeks % 2 === 0 ? 'demo' : 'workshop',
            productLine: 'erp',
            firstMonday: window.first,
            weekCount: window.weeks,
            neededPct: 20,
            alreadyOn: [],
          };
          const options = { now, limit: 100 };
          const weeks = staffingWeeks(work, options);
          const facts = await readStaffingFacts(store, work, weeks);
          const before = {
            ...facts,
            assignmentLoads: await assignmentLoadsBefore0048(store, weeks.mondays),
            past: await pastOutcomesBefore0048(store, work.productLine, work.workKind),
          };
          expect([...facts.past.values()].some((p) => p.positive + p.negative > 0)).toBe(true);
          expect([...facts.past.values()].some((p) => p.won > 0 && p.lost > 0)).toBe(true);
          expect(suggestFromFacts(work, options, weeks, facts)).toEqual(suggestFromFacts(work, options, weeks, before));
        }
      }
    });

    it('reaches a store created before it through migrations 0005 and 0006, and a second fill counts nothing twice', async () => {
      const store = await fresh();
      await migrate(
        store,
        {},
        MIGRATIONS.filter((m) => m.id < 5),
      );
      // As the release before 0048 left it: completions without their participants.
      await store.command('ALTER TABLE activity_completed DROP COLUMN consultant_ids');
      const rows = projected[0]!;
      for (const [name, tableRows] of rows) {
        if (name === CONSULTANT_WEEK_LOAD_TABLE.name || tableRows.length === 0) continue;
        const old = tableRows.map((row) =>
          Object.fromEntries(
            Object.entries(row).filter(([column]) => name !== 'activity_completed' || column !== 'consultant_ids'),
          ),
        );
        await store.insert(name, old);
      }
      expect(await migrate(store)).toEqual(MIGRATIONS.filter((m) => m.id >= 5).map((m) => m.name));
      for (const kind of ['demo', 'workshop'])
        expect(await readPastOutcomes(store, 'erp', kind)).toEqual(await pastOutcomesBefore0048(store, 'erp', kind));
      const table = `SELECT monday_ms, consultant_id, position, assignment_id, load_hundredths, version FROM ${CONSULTANT_WEEK_LOAD_TABLE.name}`;
      const order = ' ORDER BY monday_ms, consultant_id, position';
      const expected = [...(rows.get(CONSULTANT_WEEK_LOAD_TABLE.name) ?? [])].sort(
        (a, b) =>
          Number(a['monday_ms']) - Number(b['monday_ms']) ||
          String(a['consultant_id']).localeCompare(String(b['consultant_id'])) ||
          Number(a['position']) - Number(b['position']),
      );
      expect(await store.query(`${table} FINAL${order}`)).toEqual(expected);
      // Cut short after its fill, before it was recorded: the next start runs it again.
      for (const statement of weekLoadMigrationStatements({ capabilities: store.capabilities }))
        await store.command(statement);
      expect(await store.query(`${table} FINAL${order}`)).toEqual(expected);
      expect(await store.query(`${table}${order}`)).toEqual(expected);
      await expectLoadsAsBefore(store);
    });
  });
}
