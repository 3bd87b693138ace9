import type { StaffingSubjectKind, StaffingSuggestionsResponse } from '@presales/contracts';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { sqlValue } from '../sql/escape.js';
import { rankConsultants, topSettledWithinTheLine, type StaffingCandidate } from './rank-consultants.js';
import type { ConsultantScope } from './consultant-scope.js';
import {
  readCommittedLoads,
  readCertifiedLevels,
  readConsultants,
  readPastOutcomes,
  readWarRooms,
  type ConsultantProfile,
  type PastOutcomes,
} from './staffing-facts.js';
import {
  mondayOf,
  mondaysFrom,
  weeklyLoads,
  WEEK_MS,
  type CommittedWeekLoad,
  type WarRoomSpan,
} from './weekly-load.js';
import { NEEDED_PCT_BY_WORK_KIND, neededPctOfHours, SKILLS_BY_WORK_KIND } from './work-profile.js';

export type StaffingSubjectRef =
  | { readonly kind: 'request'; readonly opportunityId: string; readonly requestId: string }
  | { readonly kind: 'activity'; readonly activityId: string }
  | { readonly kind: 'war_room'; readonly warRoomId: string };

/** The work as recorded: what the ranking needs to know about it. */
export interface StaffingWork {
  readonly kind: StaffingSubjectKind;
  readonly id: string;
  readonly opportunityId: string;
  readonly workKind: string;
  readonly productLine: string;
  readonly firstMonday: number;
  readonly weekCount: number;
  readonly neededPct: number;
  readonly alreadyOn: readonly string[];
}

export interface StaffingOptions {
  readonly now: Date;
  readonly skills?: readonly string[];
  readonly neededPct?: number;
  readonly weeks?: number;
  /** Only consultants of these teams are ranked (a manager's own); undefined ranks everyone. */
  readonly teamIds?: ReadonlySet<string>;
  readonly limit: number;
}

export const MAX_PLAN_WEEKS = 8;

const num = (value: unknown) => Number(value ?? 0);
const weeksUntil = (firstMonday: number, lastMs: number) =>
  Math.min(MAX_PLAN_WEEKS, Math.max(1, Math.floor((mondayOf(lastMs) - firstMonday) / WEEK_MS) + 1));

async function firstLineOf(store: AnalyticsStore, opportunityId: string): Promise<string> {
  const rows = await store.query<{ lines: string[] }>(
    `SELECT product_lines AS lines FROM opportunity_registered FINAL WHERE entity_id = ${sqlValue(opportunityId)} LIMIT 1`,
  );
  return rows[0]?.lines[0] ?? '';
}

/** The work a reference names, or null when nothing by that id was recorded. */
export async function readStaffingWork(
  store: AnalyticsStore,
  ref: StaffingSubjectRef,
  now: Date,
): Promise<StaffingWork | null> {
  const thisMonday = mondayOf(now.getTime());
  if (ref.kind === 'request') {
    const opp = sqlValue(ref.opportunityId);
    const req = sqlValue(ref.requestId);
    // Both at once: who is on the work depends on the request's ids only, not on its row. The
    // releases are those of this opportunity's assignments: a set of every release ever recorded
    // took half the work's read at 10M events (decision 0052).
    const [[request], on] = await Promise.all([
      store.query<{ kind: string; line: string; due: number }>(
        `SELECT kind, product_line AS line, due_at_ms AS due FROM presales_support_requested FINAL WHERE entity_id = ${opp} AND request_id = ${req} LIMIT 1`,
      ),
      store.query<{ c: string }>(
        `SELECT consultant_id AS c FROM presales_support_acknowledged FINAL WHERE entity_id = ${opp} AND request_id = ${req}
UNION ALL SELECT entity_id AS c FROM consultant_assigned FINAL WHERE opportunity_id = ${opp}
  AND (entity_id, assignment_id) NOT IN (SELECT entity_id, assignment_id FROM consultant_released FINAL
    WHERE assignment_id IN (SELECT assignment_id FROM consultant_assigned FINAL WHERE opportunity_id = ${opp}))`,
      ),
    ]);
    if (request === undefined) return null;
    const start = Math.max(thisMonday, mondayOf(num(request.due)) - (MAX_PLAN_WEEKS - 1) * WEEK_MS);
    return {
      kind: 'request',
      id: ref.requestId,
      opportunityId: ref.opportunityId,
      workKind: request.kind,
      productLine: request.line,
      firstMonday: start,
      weekCount: weeksUntil(start, num(request.due)),
      neededPct: NEEDED_PCT_BY_WORK_KIND[request.kind] ?? 20,
      alreadyOn: [...new Set(on.map((r) => r.c))],
    };
  }
  if (ref.kind === 'activity') {
    const [activity] = await store.query<{ o: string; kind: string; people: string[]; at: number; hours: number }>(
      `SELECT opportunity_id AS o, kind, consultant_ids AS people, scheduled_for_ms AS at, planned_hours AS hours FROM activity_scheduled FINAL WHERE entity_id = ${sqlValue(ref.activityId)} LIMIT 1`,
    );
    if (activity === undefined) return null;
    const start = Math.max(thisMonday, mondayOf(num(activity.at)));
    return {
      kind: 'activity',
      id: ref.activityId,
      opportunityId: activity.o,
      workKind: activity.kind,
      productLine: await firstLineOf(store, activity.o),
      firstMonday: start,
      weekCount: 1,
      neededPct: neededPctOfHours(num(activity.hours)),
      alreadyOn: activity.people,
    };
  }
  const [room] = await store.query<{ o: string; pct: number }>(
    `SELECT opportunity_id AS o, allocation_pct AS pct FROM war_room_opened FINAL WHERE entity_id = ${sqlValue(ref.warRoomId)} LIMIT 1`,
  );
  if (room === undefined) return null;
  const rooms = await readWarRooms(store, thisMonday, thisMonday + WEEK_MS);
  const members = new Map<string, number>();
  for (const change of rooms.find((r) => r.warRoomId === ref.warRoomId)?.membership ?? [])
    members.set(change.consultantId, (members.get(change.consultantId) ?? 0) + change.delta);
  return {
    kind: 'war_room',
    id: ref.warRoomId,
    opportunityId: room.o,
    workKind: 'war_room',
    productLine: await firstLineOf(store, room.o),
    firstMonday: thisMonday,
    weekCount: 4,
    neededPct: Math.min(100, Math.max(1, num(room.pct))),
    alreadyOn: [...members].filter(([, n]) => n > 0).map(([id]) => id),
  };
}

/** The weeks a suggestion ranks: the work's, and this week's for the overload now. */
export interface StaffingWeeks {
  readonly needed: readonly number[];
  readonly thisMonday: number;
  /** Both, in order, once each: the weeks whose loads are read. */
  readonly mondays: readonly number[];
}

export function staffingWeeks(work: StaffingWork, options: Pick<StaffingOptions, 'now' | 'weeks'>): StaffingWeeks {
  const needed = mondaysFrom(work.firstMonday, options.weeks ?? work.weekCount);
  const thisMonday = mondayOf(options.now.getTime());
  return { needed, thisMonday, mondays: [...new Set([thisMonday, ...needed])].sort((a, b) => a - b) };
}

/** What a suggestion reads about consultants: split by scope, joined again (decision 0052). */
export interface ConsultantFacts {
  readonly consultants: readonly ConsultantProfile[];
  readonly levels: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly assignmentLoads: readonly CommittedWeekLoad[];
  readonly past: ReadonlyMap<string, PastOutcomes>;
}

/** What a suggestion reads from the analytics tables. */
export interface StaffingFacts extends ConsultantFacts {
  readonly warRooms: readonly WarRoomSpan[];
}

const firstMondayOf = (weeks: StaffingWeeks) => weeks.mondays[0]!;
const endOf = (weeks: StaffingWeeks) => weeks.mondays[weeks.mondays.length - 1]! + WEEK_MS;

/** The skills a suggestion ranks by: those asked for, else those its kind of work calls for. */
export function skillsAsked(work: StaffingWork, options: Pick<StaffingOptions, 'skills'>): readonly string[] {
  return options.skills ?? SKILLS_BY_WORK_KIND[work.workKind] ?? [];
}

/**
 * Profiles, certified skills, the weeks' loads and the record on similar work of the consultants
 * in `scope`: four statements side by side. With `skills`, the profiles and certificates are read
 * for the work's product line and those skills only, which is all the ranking asks of them.
 */
export async function readConsultantFacts(
  store: AnalyticsStore,
  work: StaffingWork,
  weeks: StaffingWeeks,
  scope: ConsultantScope,
  skills?: readonly string[],
): Promise<ConsultantFacts> {
  const asked = skills === undefined ? undefined : { productLine: work.productLine, skills };
  const [consultants, levels, assignmentLoads, past] = await Promise.all([
    readConsultants(store, scope, asked),
    readCertifiedLevels(store, scope, skills),
    readCommittedLoads(store, firstMondayOf(weeks), endOf(weeks), scope),
    readPastOutcomes(store, work.productLine, work.workKind, scope),
  ]);
  return { consultants, levels, assignmentLoads, past };
}

/** Two scopes' facts as one: the scopes are disjoint, so nothing is counted twice. */
function joinedFacts(a: ConsultantFacts, b: ConsultantFacts): ConsultantFacts {
  return {
    consultants: [...a.consultants, ...b.consultants],
    levels: new Map([...a.levels, ...b.levels]),
    assignmentLoads: [...a.assignmentLoads, ...b.assignmentLoads],
    past: new Map([...a.past, ...b.past]),
  };
}

/** Everything a suggestion reads for the consultants in `scope` (everyone unless given): the war rooms and the four reads above, side by side. */
export async function readStaffingFacts(
  store: AnalyticsStore,
  work: StaffingWork,
  weeks: StaffingWeeks,
  scope: ConsultantScope = 'everyone',
  skills?: readonly string[],
): Promise<StaffingFacts> {
  const [warRooms, facts] = await Promise.all([
    readWarRooms(store, firstMondayOf(weeks), endOf(weeks)),
    readConsultantFacts(store, work, weeks, scope, skills),
  ]);
  return { ...facts, warRooms };
}

/** A suggestion and how it was reached: from the teams asked for, the product line's consultants alone, or everyone's. */
export interface TracedSuggestion {
  readonly answer: StaffingSuggestionsResponse;
  readonly read: 'their teams' | 'the line' | 'everyone';
}

/**
 * Ranked consultants for a piece of work, over the analytics tables: profiles, certified skills,
 * committed load in the work's weeks and this week, and the record on similar work. When only some
 * teams are ranked (a manager's), only their members are read. Else the consultants
 * of the work's product line are read and ranked first, beside the war rooms; when their first
 * `limit` are settled (available and out of reach of anyone outside the line) that is the answer;
 * else the consultants outside the line are read too and everyone is ranked. Either way the answer
 * is everyone's ranking (decision 0052).
 */
export async function traceSuggestion(
  store: AnalyticsStore,
  work: StaffingWork,
  options: StaffingOptions,
): Promise<TracedSuggestion> {
  const weeks = staffingWeeks(work, options);
  const skills = skillsAsked(work, options);
  if (options.teamIds !== undefined) {
    const members = await readStaffingFacts(store, work, weeks, { teamIds: options.teamIds }, skills);
    return { answer: suggestFromFacts(work, options, weeks, members), read: 'their teams' };
  }
  const line = work.productLine;
  const inside = await readStaffingFacts(store, work, weeks, { productLine: line, side: 'inside' }, skills);
  const fromTheLine = suggestFromFacts(work, options, weeks, inside);
  if (topSettledWithinTheLine(fromTheLine.consultants, options.limit)) return { answer: fromTheLine, read: 'the line' };
  // The war rooms are the same for both scopes: read once, with the line.
  const outside = await readConsultantFacts(store, work, weeks, { productLine: line, side: 'outside' }, skills);
  return {
    answer: suggestFromFacts(work, options, weeks, { ...joinedFacts(inside, outside), warRooms: inside.warRooms }),
    read: 'everyone',
  };
}

/** Ranked consultants for a piece of work: `traceSuggestion`'s answer. */
export async function suggestConsultants(
  store: AnalyticsStore,
  work: StaffingWork,
  options: StaffingOptions,
): Promise<StaffingSuggestionsResponse> {
  return (await traceSuggestion(store, work, options)).answer;
}

/**
 * The suggestion from what was read: pure, so the same facts always rank the same. Facts read for
 * some skills (`readStaffingFacts` with `skills`) rank right only for those: `skillsAsked`.
 */
export function suggestFromFacts(
  work: StaffingWork,
  options: StaffingOptions,
  { needed, thisMonday, mondays }: StaffingWeeks,
  { consultants, levels, assignmentLoads, warRooms, past }: StaffingFacts,
): StaffingSuggestionsResponse {
  const skills = skillsAsked(work, options);
  const neededPct = options.neededPct ?? work.neededPct;
  const on = new Set(work.alreadyOn);
  const rankable = consultants.filter(
    (c) => !on.has(c.consultantId) && (options.teamIds === undefined || options.teamIds.has(c.teamId)),
  );
  const loads = weeklyLoads(mondays, assignmentLoads, warRooms, new Set(rankable.map((c) => c.consultantId)));
  const noLoad = mondays.map(() => 0);
  const neededAt = needed.map((m) => mondays.indexOf(m));
  const thisWeekAt = mondays.indexOf(thisMonday);
  const candidates: StaffingCandidate[] = rankable.map((c) => {
    const load = loads.get(c.consultantId)?.loadPct ?? noLoad;
    const certified = levels.get(c.consultantId);
    // The needed skills only: the ranking asks for no other, and thousands of full copies cost.
    const skillLevels = new Map<string, number>();
    for (const skill of skills) {
      const level = certified?.get(skill);
      const listed = c.skills.includes(skill);
      if (level !== undefined) skillLevels.set(skill, Math.max(level, listed ? 1 : 0));
      else if (listed) skillLevels.set(skill, 1);
    }
    return {
      consultantId: c.consultantId,
      name: c.name,
      teamId: c.teamId,
      level: c.level,
      productLines: c.productLines,
      skillLevels,
      loadPct: neededAt.map((at) => load[at]!),
      currentLoadPct: load[thisWeekAt]!,
      past: past.get(c.consultantId) ?? { won: 0, lost: 0, positive: 0, negative: 0 },
    };
  });
  const ranked = rankConsultants(
    { productLine: work.productLine, skills, weeks: needed, neededPct },
    candidates,
    options.limit,
  );
  return {
    subject: {
      kind: work.kind,
      id: work.id,
      opportunityId: work.opportunityId,
      workKind: work.workKind,
      productLine: work.productLine,
      skills,
      weeks: needed.map((m) => new Date(m).toISOString().slice(0, 10)),
      neededPct,
      alreadyOn: work.alreadyOn,
    },
    consultants: ranked,
  };
}
