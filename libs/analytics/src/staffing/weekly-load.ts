import { WEEK_MS } from '../projection/week-load/week-arithmetic.js';

/** The assignments' load of one consultant in one week, in hundredths of a percent (decision 0048). */
export interface CommittedWeekLoad {
  readonly consultantId: string;
  readonly mondayMs: number;
  readonly hundredths: number;
}

/** A change of a war room's membership: the opening counts the commander and first members. */
export interface MembershipChange {
  readonly consultantId: string;
  readonly atMs: number;
  readonly delta: 1 | -1;
}

export interface WarRoomSpan {
  readonly warRoomId: string;
  readonly opportunityId: string;
  readonly reason: string;
  readonly allocationPct: number;
  readonly openedMs: number;
  readonly closedMs: number | null;
  readonly membership: readonly MembershipChange[];
}

/** One consultant's load per Monday, in percent, and the war rooms that take part of it. */
export interface WeeklyLoad {
  readonly loadPct: number[];
  readonly warRoomIds: ReadonlySet<string>[];
}

// Most consultants are in no war room in most weeks: they share this one instead of a set each.
const NO_ROOMS: ReadonlySet<string> = new Set<string>();

// One week's length for the reads and for the projector's weekly rows (decision 0048).
export { WEEK_MS };

/** The Monday (00:00 UTC) of the week an instant falls in. */
export function mondayOf(ms: number): number {
  const day = new Date(ms);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return midnight - ((day.getUTCDay() + 6) % 7) * 86_400_000;
}

export function mondaysFrom(firstMonday: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => firstMonday + index * WEEK_MS);
}

/**
 * Load per consultant and Monday, by the overload_share KPI's rule (KPIS.md), so the plan and the
 * KPI agree: an assignment counts on the Mondays in [from, to] before its release (summed per
 * week by the projector, decision 0048), a war room's allocation on the Mondays a person is a
 * member and the room is not closed. Summed in hundredths of a percent: 10.1 + 89.9 must not
 * come out above 100. With `among`, only those consultants' loads: a suggestion ranks a product
 * line's few thousand, while the war rooms open at 10M events count about ten thousand members,
 * and their arrays and sets were most of the ranking's time (decision 0052).
 */
export function weeklyLoads(
  mondays: readonly number[],
  committed: readonly CommittedWeekLoad[],
  warRooms: readonly WarRoomSpan[],
  among?: ReadonlySet<string>,
): Map<string, WeeklyLoad> {
  const counted = (consultantId: string) => among === undefined || among.has(consultantId);
  const hundredths = new Map<string, number[]>();
  const rooms = new Map<string, (Set<string> | undefined)[]>();
  const loadOf = (consultantId: string) => {
    let load = hundredths.get(consultantId);
    if (load === undefined) hundredths.set(consultantId, (load = mondays.map(() => 0)));
    return load;
  };
  const roomsOf = (consultantId: string) => {
    let own = rooms.get(consultantId);
    if (own === undefined) rooms.set(consultantId, (own = mondays.map(() => undefined)));
    return own;
  };
  const weekIndex = new Map(mondays.map((monday, index) => [monday, index]));
  for (const week of committed) {
    const index = weekIndex.get(week.mondayMs);
    if (index !== undefined && counted(week.consultantId)) loadOf(week.consultantId)[index]! += week.hundredths;
  }
  for (const room of warRooms) {
    const open = mondays.map((m) => room.openedMs <= m && (room.closedMs === null || room.closedMs > m));
    // Each person's membership on each Monday: the changes up to it, summed in one pass over the room's changes.
    const membership = new Map<string, number[]>();
    for (const change of room.membership) {
      if (!counted(change.consultantId)) continue;
      let count = membership.get(change.consultantId);
      if (count === undefined) membership.set(change.consultantId, (count = mondays.map(() => 0)));
      for (const [index, m] of mondays.entries()) if (change.atMs <= m) count[index]! += change.delta;
    }
    for (const [person, count] of membership) {
      const load = loadOf(person);
      for (const [index, isOpen] of open.entries()) {
        if (isOpen && count[index]! > 0) {
          load[index]! += Math.round(room.allocationPct * 100);
          const own = roomsOf(person);
          (own[index] ??= new Set<string>()).add(room.warRoomId);
        }
      }
    }
  }
  const result = new Map<string, WeeklyLoad>();
  for (const [consultantId, load] of hundredths)
    result.set(consultantId, {
      loadPct: load.map((h) => h / 100),
      warRoomIds: (rooms.get(consultantId) ?? mondays.map(() => undefined)).map((ids) => ids ?? NO_ROOMS),
    });
  return result;
}
