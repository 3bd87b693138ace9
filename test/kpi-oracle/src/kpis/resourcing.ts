import { DEFAULT_WAR_ROOM_ALLOCATION_PCT, Decimal } from '@presales/domain';
import type { KpiContext } from '../model/context.js';
import type { ConsultantModel, WarRoomModel } from '../model/model.js';
import { ratio } from '../model/stats.js';
import { dayOf, MS_PER_DAY } from '../model/time.js';
import { consultantsInScope, inPeriod } from '../model/units.js';

const PRESALES_CATEGORIES: ReadonlySet<string> = new Set(['customer_facing', 'solution', 'bid_writing']);
const MS_PER_WEEK = 7n * BigInt(MS_PER_DAY);

/**
 * utilization — "consultants in CONS | Σ hours of TimeLogged in P with category customer_facing,
 * solution or bid_writing ÷ Σ capacity; capacity = weeklyCapacityHours × days of P while
 * onboarded (from ConsultantOnboarded to ConsultantOffboarded, fractional days) ÷ 7".
 * TimeLogged is in P by its occurredAt (the common rule; utilization names no other time).
 *
 * Exact: Σ hours ÷ Σ (weekly × onboardedMs ÷ msPerWeek) = Σ hours × msPerWeek ÷ Σ (weekly × onboardedMs).
 */
export function utilization(ctx: KpiContext): number | null {
  let hours = 0n; // units of 10^-6 hours
  let capacity = 0n; // units of 10^-6 hours × ms
  for (const consultant of consultantsInScope(ctx)) {
    for (const log of inPeriod(ctx, consultant.timeLogs)) {
      if (PRESALES_CATEGORIES.has(log.data.category)) hours += Decimal.fromNumber(log.data.hours).units;
    }
    if (consultant.onboarded === undefined) continue;
    capacity +=
      Decimal.fromNumber(consultant.onboarded.data.weeklyCapacityHours).units *
      BigInt(onboardedMsWithin(consultant, ctx.period.startMs, ctx.period.endMs));
  }
  return capacity === 0n ? null : Number(hours * MS_PER_WEEK) / Number(capacity);
}

/** Milliseconds of [start, end) during which the consultant is onboarded: [onboarded, offboarded). */
function onboardedMsWithin(consultant: ConsultantModel, start: number, end: number): number {
  const from = Math.max(start, consultant.onboarded!.occurredMs);
  const to = Math.min(end, consultant.offboarded?.occurredMs ?? Number.POSITIVE_INFINITY);
  return Math.max(0, to - from);
}

/** "onboarded at that instant": onboarded at or before M, not offboarded at or before M. */
export function onboardedAt(consultant: ConsultantModel, instant: number): boolean {
  if (consultant.onboarded === undefined || consultant.onboarded.occurredMs > instant) return false;
  return consultant.offboarded === undefined || consultant.offboarded.occurredMs > instant;
}

/** Every Monday 00:00 UTC in [start, end). */
export function mondaysIn(startMs: number, endMs: number): number[] {
  const firstMidnight = Math.ceil(startMs / MS_PER_DAY) * MS_PER_DAY;
  const daysToMonday = (8 - new Date(firstMidnight).getUTCDay()) % 7; // getUTCDay: 0 Sunday, 1 Monday …
  const mondays: number[] = [];
  for (let monday = firstMidnight + daysToMonday * MS_PER_DAY; monday < endMs; monday += 7 * MS_PER_DAY)
    mondays.push(monday);
  return mondays;
}

/**
 * overload_share — "consultant-weeks: each Monday 00:00 UTC in P × each consultant in CONS
 * onboarded at that instant | weeks whose load > 100 ÷ units; load at Monday M = Σ allocationPct
 * of assignments with from ≤ M's date ≤ to and not released at or before M, + Σ allocationPct of
 * war rooms whose member the consultant is at M".
 */
export function overloadShare(ctx: KpiContext): number | null {
  let weeks = 0;
  let overloaded = 0;
  const warRooms = [...ctx.model.warRooms.values()];
  for (const consultant of consultantsInScope(ctx)) {
    for (const monday of mondaysIn(ctx.period.startMs, ctx.period.endMs)) {
      if (!onboardedAt(consultant, monday)) continue;
      weeks += 1;
      if (loadAt(consultant, monday, warRooms).compare(Decimal.HUNDRED) > 0) overloaded += 1;
    }
  }
  return ratio(overloaded, weeks);
}

/** The consultant's allocationPct at instant M: assignments plus war rooms. */
export function loadAt(consultant: ConsultantModel, instant: number, warRooms: readonly WarRoomModel[]): Decimal {
  const day = dayOf(instant);
  let load = Decimal.ZERO;
  for (const { assigned, released } of consultant.assignments.values()) {
    const covers = assigned.data.from <= day && day <= assigned.data.to;
    if (covers && (released === undefined || released.occurredMs > instant))
      load = load.plus(Decimal.fromNumber(assigned.data.allocationPct));
  }
  for (const room of warRooms) {
    if (room.opened !== undefined && isWarRoomMemberAt(room, consultant.id, instant)) {
      load = load.plus(Decimal.fromNumber(room.opened.data.allocationPct ?? DEFAULT_WAR_ROOM_ALLOCATION_PCT));
    }
  }
  return load;
}

/**
 * docs/kpis.md "Clarifications (lead)": a member at M when "the number of their joins (the
 * commander or memberIds of WarRoomOpened, WarRoomMemberJoined) at or before M is greater than
 * the number of their WarRoomMemberLeft at or before M, and the war room has no WarRoomClosed at
 * or before M". The commander is a member whether memberIds lists them or not, as in the domain.
 */
export function isWarRoomMemberAt(room: WarRoomModel, consultantId: string, instant: number): boolean {
  let joins = 0;
  let leaves = 0;
  for (const change of room.changes) {
    if (change.occurredMs > instant) continue;
    if (change.type === 'WarRoomClosed') return false;
    if (
      change.type === 'WarRoomOpened' &&
      (change.data.commanderId === consultantId || change.data.memberIds.includes(consultantId))
    )
      joins += 1;
    if (change.type === 'WarRoomMemberJoined' && change.data.consultantId === consultantId) joins += 1;
    if (change.type === 'WarRoomMemberLeft' && change.data.consultantId === consultantId) leaves += 1;
  }
  return joins > leaves;
}
