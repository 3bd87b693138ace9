import type { CapacityGroup, CapacityPlanResponse, CapacityWarRoom } from '@presales/contracts';
import type { AnalyticsStore } from '../analytics-store.port.js';
import type { ConsultantScope } from './consultant-scope.js';
import { readCommittedLoads, readConsultants, readTeams, readWarRooms } from './staffing-facts.js';
import { mondayOf, mondaysFrom, weeklyLoads, WEEK_MS } from './weekly-load.js';

export interface CapacityPlanOptions {
  readonly now: Date;
  readonly weeks: number;
  /** Only these teams (a manager's own); undefined plans every team. */
  readonly teamIds?: ReadonlySet<string>;
  readonly teamId?: string;
  readonly productLine?: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The consultants a plan reads: the teams asked for (one team, a manager's own, or one of a
 * manager's own), else a product line's, else everyone. At 10M events a team is a few of 15,000
 * consultants, whose profiles and loads the plan read whole before; the groups are filtered
 * again below, so the answer is the whole plan's for them.
 */
function plannedScope(options: CapacityPlanOptions): ConsultantScope {
  if (options.teamId !== undefined)
    return { teamIds: new Set(options.teamIds?.has(options.teamId) === false ? [] : [options.teamId]) };
  if (options.teamIds !== undefined) return { teamIds: options.teamIds };
  if (options.productLine !== undefined) return { productLine: options.productLine, side: 'inside' };
  return 'everyone';
}
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The next weeks of committed load against capacity, per team and product line (a consultant
 * counts in each line they cover), with the war rooms that drive it: a crunch shows before a bid
 * is accepted. Loads follow the overload_share KPI's rule (weekly-load.ts).
 */
export async function capacityPlan(store: AnalyticsStore, options: CapacityPlanOptions): Promise<CapacityPlanResponse> {
  const mondays = mondaysFrom(mondayOf(options.now.getTime()), options.weeks);
  const fromMs = mondays[0]!;
  const toMs = mondays[mondays.length - 1]! + WEEK_MS;
  // Each week's day is written once, not once per team and line (thousands of groups at scale).
  const weekDays = mondays.map(day);
  const scope = plannedScope(options);
  const [consultants, teams, assignmentLoads, warRooms] = await Promise.all([
    readConsultants(store, scope),
    readTeams(store),
    readCommittedLoads(store, fromMs, toMs, scope),
    readWarRooms(store, fromMs, toMs),
  ]);
  const teamNames = new Map(teams.map((t) => [t.teamId, t.name]));
  const inScope = consultants.filter(
    (c) =>
      (options.teamIds === undefined || options.teamIds.has(c.teamId)) &&
      (options.teamId === undefined || c.teamId === options.teamId),
  );
  const plannedIds = new Set(inScope.map((c) => c.consultantId));
  // The loads of the planned consultants only: a team's plan reads every open war room.
  const loads = weeklyLoads(mondays, assignmentLoads, warRooms, plannedIds);

  const groups = new Map<string, { teamId: string; productLine: string; members: typeof inScope }>();
  for (const c of inScope) {
    for (const line of c.productLines) {
      if (options.productLine !== undefined && line !== options.productLine) continue;
      const key = `${c.teamId}\u0000${line}`;
      const group = groups.get(key) ?? groups.set(key, { teamId: c.teamId, productLine: line, members: [] }).get(key)!;
      group.members.push(c);
    }
  }

  const roomHours = new Map<string, number>();
  const roomMembers = new Map<string, Set<string>>();
  const capacityOf = new Map(inScope.map((c) => [c.consultantId, c.weeklyCapacityHours]));
  for (const room of warRooms) {
    for (const change of room.membership) {
      if (!plannedIds.has(change.consultantId)) continue;
      const load = loads.get(change.consultantId);
      if (load === undefined) continue;
      const weeksIn = load.warRoomIds.filter((ids) => ids.has(room.warRoomId)).length;
      if (weeksIn === 0 || roomMembers.get(room.warRoomId)?.has(change.consultantId)) continue;
      (roomMembers.get(room.warRoomId) ?? roomMembers.set(room.warRoomId, new Set()).get(room.warRoomId)!).add(
        change.consultantId,
      );
      roomHours.set(
        room.warRoomId,
        (roomHours.get(room.warRoomId) ?? 0) +
          (weeksIn * room.allocationPct * (capacityOf.get(change.consultantId) ?? 0)) / 100,
      );
    }
  }

  const planned: CapacityGroup[] = [...groups.values()]
    .map((group) => ({
      teamId: group.teamId,
      teamName: teamNames.get(group.teamId) ?? group.teamId,
      productLine: group.productLine,
      consultants: group.members.length,
      weeks: mondays.map((m, index) => {
        const onBoard = group.members.filter((c) => c.onboardedMs <= m + WEEK_MS);
        let committed = 0;
        let overloaded = 0;
        const rooms = new Set<string>();
        for (const c of onBoard) {
          const load = loads.get(c.consultantId);
          const pct = load?.loadPct[index] ?? 0;
          committed += (pct / 100) * c.weeklyCapacityHours;
          if (pct > 100) overloaded += 1;
          for (const id of load?.warRoomIds[index] ?? []) rooms.add(id);
        }
        return {
          week: weekDays[index]!,
          capacityHours: round1(onBoard.reduce((sum, c) => sum + c.weeklyCapacityHours, 0)),
          committedHours: round1(committed),
          overloadedConsultants: overloaded,
          warRoomIds: [...rooms].sort(),
        };
      }),
    }))
    .sort(
      (a, b) =>
        a.teamName.localeCompare(b.teamName) ||
        a.teamId.localeCompare(b.teamId) ||
        a.productLine.localeCompare(b.productLine),
    );

  const rooms: CapacityWarRoom[] = warRooms
    .filter((room) => roomHours.has(room.warRoomId))
    .map((room) => ({
      warRoomId: room.warRoomId,
      opportunityId: room.opportunityId,
      reason: room.reason,
      allocationPct: room.allocationPct,
      members: roomMembers.get(room.warRoomId)?.size ?? 0,
      committedHours: round1(roomHours.get(room.warRoomId) ?? 0),
    }))
    .sort((a, b) => b.committedHours - a.committedHours || a.warRoomId.localeCompare(b.warRoomId));

  return { weeks: weekDays, groups: planned, warRooms: rooms };
}
