import { describe, expect, it } from 'vitest';
import { mondaysFrom, weeklyLoads, WEEK_MS, type CommittedWeekLoad, type WarRoomSpan } from './weekly-load.js';

const FIRST = Date.parse('2026-11-02T00:00:00Z');
const MONDAYS = mondaysFrom(FIRST, 3);
const DAY = 86_400_000;

function room(id: string, openedMs: number, closedMs: number | null, changes: [string, number, 1 | -1][]): WarRoomSpan {
  return {
    warRoomId: id,
    opportunityId: `O-${id}`,
    reason: 'bid',
    allocationPct: 50,
    openedMs,
    closedMs,
    membership: changes.map(([consultantId, atMs, delta]) => ({ consultantId, atMs, delta })),
  };
}

/** A small deterministic generator, so the comparison below is the same on every run. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe('weekly loads', () => {
  it('adds assignments and the allocation of every room a consultant is a member of while it is open', () => {
    const committed: CommittedWeekLoad[] = [
      { consultantId: 'C-1', mondayMs: MONDAYS[0]!, hundredths: 1010 },
      { consultantId: 'C-1', mondayMs: MONDAYS[0]!, hundredths: 8990 },
      { consultantId: 'C-2', mondayMs: MONDAYS[2]!, hundredths: 2500 },
    ];
    const rooms = [
      // Opened before the first Monday with C-1 and C-2; C-2 leaves during the second week; closed in the third.
      room('W-1', FIRST - DAY, FIRST + 2 * WEEK_MS + DAY, [
        ['C-1', FIRST - DAY, 1],
        ['C-2', FIRST - DAY, 1],
        ['C-2', FIRST + WEEK_MS + DAY, -1],
      ]),
    ];
    const loads = weeklyLoads(MONDAYS, committed, rooms);
    // 10.1 + 89.9 is exactly 100 (summed in hundredths), plus the room's 50.
    expect(loads.get('C-1')!.loadPct).toEqual([150, 50, 50]);
    expect(loads.get('C-2')!.loadPct).toEqual([50, 50, 25]);
    expect(loads.get('C-1')!.warRoomIds.map((ids) => [...ids])).toEqual([['W-1'], ['W-1'], ['W-1']]);
    expect(loads.get('C-2')!.warRoomIds.map((ids) => [...ids])).toEqual([['W-1'], ['W-1'], []]);
  });

  it('computes, among some consultants, the same loads for them as for everyone, and none for the others', () => {
    const random = lcg(7);
    const people = Array.from({ length: 40 }, (_, index) => `C-${index}`);
    const pick = () => people[Math.floor(random() * people.length)]!;
    const at = () => FIRST - 2 * WEEK_MS + Math.floor(random() * 6 * WEEK_MS);
    for (let round = 0; round < 50; round += 1) {
      const committed = Array.from({ length: 30 }, () => ({
        consultantId: pick(),
        mondayMs: MONDAYS[Math.floor(random() * MONDAYS.length)]!,
        hundredths: Math.floor(random() * 5000),
      }));
      const rooms = Array.from({ length: 8 }, (_, index) => {
        const openedMs = at();
        const changes: [string, number, 1 | -1][] = Array.from({ length: 6 }, () => [
          pick(),
          openedMs + Math.floor(random() * 3 * WEEK_MS),
          random() < 0.7 ? 1 : -1,
        ]);
        return room(
          `W-${index}`,
          openedMs,
          random() < 0.5 ? null : openedMs + Math.floor(random() * 4 * WEEK_MS),
          changes,
        );
      });
      const among = new Set(people.filter(() => random() < 0.3));
      const everyone = weeklyLoads(MONDAYS, committed, rooms);
      const some = weeklyLoads(MONDAYS, committed, rooms, among);
      for (const [consultantId, load] of some) {
        expect(among.has(consultantId)).toBe(true);
        expect(load.loadPct).toEqual(everyone.get(consultantId)!.loadPct);
        expect(load.warRoomIds.map((ids) => [...ids].sort())).toEqual(
          everyone.get(consultantId)!.warRoomIds.map((ids) => [...ids].sort()),
        );
      }
      // A consultant left out of `some` has no load or room in any week for everyone either.
      for (const consultantId of among)
        if (!some.has(consultantId))
          expect(everyone.get(consultantId)?.loadPct.every((pct) => pct === 0) ?? true).toBe(true);
    }
  });
});
