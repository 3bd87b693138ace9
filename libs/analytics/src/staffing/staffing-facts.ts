import type { AnalyticsStore } from '../analytics-store.port.js';
import { sqlValue } from '../sql/escape.js';
import {
  consultantInScope,
  LAST_TEAM_ADDED,
  onboardedRowInScope,
  TEAM_NOW,
  teamInScope,
  type ConsultantScope,
} from './consultant-scope.js';
import { CONSULTANT_WEEK_LOAD_TABLE } from '../projection/week-load/consultant-week-load.js';
import type { CommittedWeekLoad, MembershipChange, WarRoomSpan } from './weekly-load.js';

/** A consultant on board, as onboarded, with the team they were last added to. */
export interface ConsultantProfile {
  readonly consultantId: string;
  readonly name: string;
  readonly teamId: string;
  readonly level: string;
  /** Every line the consultant covers, or those a `ProfileQuestion` asked about. */
  readonly productLines: readonly string[];
  /** Every skill listed at onboarding, or those a `ProfileQuestion` asked about. */
  readonly skills: readonly string[];
  readonly weeklyCapacityHours: number;
  readonly onboardedMs: number;
}

export interface TeamProfile {
  readonly teamId: string;
  readonly name: string;
  readonly managerId: string;
  readonly productLines: readonly string[];
}

const num = (value: unknown) => Number(value ?? 0);

/**
 * What a suggestion asks of a profile: whether it covers one product line and which of some
 * skills it lists. Read with it, a profile's `productLines` and `skills` hold those only.
 */
export interface ProfileQuestion {
  readonly productLine: string;
  readonly skills: readonly string[];
}

/**
 * A profile's lists, whole or narrowed to a question's. Thousands of whole lists were a third of
 * a suggestion's read of profiles at 10M events, for one line and one or two skills asked about
 * (decision 0052).
 */
function listColumns(asked: ProfileQuestion | undefined): { lines: string; skills: string } {
  if (asked === undefined) return { lines: 'product_lines', skills: 'skills' };
  const wanted = asked.skills.map((skill) => sqlValue(skill)).join(', ');
  return {
    lines: `arrayFilter(line -> line = ${sqlValue(asked.productLine)}, product_lines)`,
    // 18.16 gives an empty array literal no element type: no skill asked is an empty list of strings.
    skills: wanted === '' ? 'emptyArrayString()' : `arrayFilter(skill -> has([${wanted}], skill), skills)`,
  };
}

/** Consultants not offboarded, with their latest team; those in `scope`, their lists narrowed to `asked`. */
export async function readConsultants(
  store: AnalyticsStore,
  scope: ConsultantScope = 'everyone',
  asked?: ProfileQuestion,
): Promise<ConsultantProfile[]> {
  const lists = listColumns(asked);
  const rows = await store.query<{
    id: string;
    name: string;
    team: string;
    level: string;
    lines: string[];
    skills: string[];
    capacity: number;
    on_ms: number;
  }>(
    `SELECT onboarded.entity_id AS id, name, ${TEAM_NOW} AS team, level, lines_read AS lines, skills_read AS skills, weekly_capacity_hours AS capacity, occurred_at_ms AS on_ms
FROM (SELECT entity_id, name, team_id, level, ${lists.lines} AS lines_read, ${lists.skills} AS skills_read, weekly_capacity_hours, occurred_at_ms FROM consultant_onboarded FINAL
      WHERE entity_id NOT IN (SELECT entity_id FROM consultant_offboarded FINAL) AND ${onboardedRowInScope(scope)}) AS onboarded
ANY LEFT JOIN (${LAST_TEAM_ADDED}) AS added ON onboarded.entity_id = added.member
WHERE ${teamInScope('team', scope)}
ORDER BY id`,
  );
  return rows.map((r) => ({
    consultantId: r.id,
    name: r.name,
    teamId: r.team,
    level: r.level,
    productLines: r.lines,
    skills: r.skills,
    weeklyCapacityHours: num(r.capacity),
    onboardedMs: num(r.on_ms),
  }));
}

export async function readTeams(store: AnalyticsStore): Promise<TeamProfile[]> {
  const rows = await store.query<{ id: string; name: string; manager: string; lines: string[] }>(
    'SELECT entity_id AS id, name, manager_id AS manager, product_lines AS lines FROM team_formed FINAL ORDER BY id',
  );
  return rows.map((r) => ({ teamId: r.id, name: r.name, managerId: r.manager, productLines: r.lines }));
}

/** Skill → highest certified level, per consultant in `scope`; of the skills in `among` only, when given. */
export async function readCertifiedLevels(
  store: AnalyticsStore,
  scope: ConsultantScope = 'everyone',
  among?: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  if (among?.length === 0) return new Map();
  const skills = among === undefined ? '1' : `skill IN (${among.map((skill) => sqlValue(skill)).join(', ')})`;
  const rows = await store.query<{ id: string; skill: string; level: number }>(
    `SELECT entity_id AS id, skill, max(level) AS level FROM skill_certified FINAL WHERE ${consultantInScope('entity_id', scope)} AND ${skills} GROUP BY id, skill`,
  );
  const levels = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const own = levels.get(r.id) ?? new Map<string, number>();
    own.set(r.skill, num(r.level));
    levels.set(r.id, own);
  }
  return levels;
}

/**
 * The assignments' committed load per consultant and Monday in [fromMs, toMs), in hundredths
 * of a percent: the weeks' rows of the weekly load table (decision 0048), so a suggestion reads
 * the weeks it asks about, whatever the length of the history. Weeks that sum to nothing (an
 * assignment released before them) are left out, as no assignment at all. The consultants in `scope`.
 */
export async function readCommittedLoads(
  store: AnalyticsStore,
  fromMs: number,
  toMs: number,
  scope: ConsultantScope = 'everyone',
): Promise<CommittedWeekLoad[]> {
  const rows = await store.query<{ c: string; m: number; h: number }>(
    `SELECT consultant_id AS c, monday_ms AS m, sum(load_hundredths) AS h FROM ${CONSULTANT_WEEK_LOAD_TABLE.name} FINAL
WHERE monday_ms >= ${sqlValue(fromMs)} AND monday_ms < ${sqlValue(toMs)} AND ${consultantInScope('consultant_id', scope)}
GROUP BY c, m HAVING h != 0`,
  );
  return rows.map((r) => ({ consultantId: r.c, mondayMs: num(r.m), hundredths: num(r.h) }));
}

/** War rooms opened before `toMs` and not closed by `fromMs`, with every change of their membership. */
export async function readWarRooms(store: AnalyticsStore, fromMs: number, toMs: number): Promise<WarRoomSpan[]> {
  // The rooms, and side by side every change of their membership and their closing in one UNION
  // ALL (delta 1 joined, -1 left, 0 closed) over the same rooms named by a subquery. Side by side
  // rather than one after the other with the rooms' ids written out: at 10M events 2,912 rooms are
  // open, and their ids made the second statement's text as long as its answer (decision 0052).
  // chDB builds the subquery's set once for the statement; ClickHouse 18.16 once per branch, three
  // reads of the rooms' opening and closing, tables far smaller than the membership's (not measured
  // on the server at 10M). Constants materialized, as ClickHouse 18.16 requires of a UNION ALL.
  const openInTheWeeks = `occurred_at_ms < ${sqlValue(toMs)}
  AND entity_id NOT IN (SELECT entity_id FROM war_room_closed FINAL WHERE occurred_at_ms <= ${sqlValue(fromMs)})`;
  const within = `SELECT entity_id FROM war_room_opened FINAL WHERE ${openInTheWeeks}`;
  const [opened, changes] = await Promise.all([
    store.query<{
      w: string;
      o: string;
      reason: string;
      pct: number;
      commander: string;
      members: string[];
      at: number;
    }>(
      `SELECT entity_id AS w, opportunity_id AS o, reason, allocation_pct AS pct, commander_id AS commander, member_ids AS members, occurred_at_ms AS at FROM war_room_opened FINAL
WHERE ${openInTheWeeks}`,
    ),
    store.query<{ w: string; c: string; at: number; delta: number }>(
      `SELECT entity_id AS w, consultant_id AS c, occurred_at_ms AS at, materialize(toInt8(1)) AS delta FROM war_room_member_joined FINAL WHERE entity_id IN (${within})
UNION ALL SELECT entity_id AS w, consultant_id AS c, occurred_at_ms AS at, materialize(toInt8(-1)) AS delta FROM war_room_member_left FINAL WHERE entity_id IN (${within})
UNION ALL SELECT entity_id AS w, materialize('') AS c, min(occurred_at_ms) AS at, materialize(toInt8(0)) AS delta FROM war_room_closed FINAL WHERE entity_id IN (${within}) GROUP BY w`,
    ),
  ]);
  const closedAt = new Map<string, number>();
  const changesOf = new Map<string, MembershipChange[]>();
  for (const r of changes) {
    const delta = num(r.delta);
    if (delta === 0) {
      closedAt.set(r.w, num(r.at));
      continue;
    }
    const list = changesOf.get(r.w) ?? [];
    list.push({ consultantId: r.c, atMs: num(r.at), delta: delta > 0 ? 1 : -1 });
    changesOf.set(r.w, list);
  }
  return opened.map((r) => {
    const first = [...new Set([...r.members, r.commander])].map((consultantId): MembershipChange => ({
      consultantId,
      atMs: num(r.at),
      delta: 1,
    }));
    return {
      warRoomId: r.w,
      opportunityId: r.o,
      reason: r.reason,
      allocationPct: num(r.pct),
      openedMs: num(r.at),
      closedMs: closedAt.get(r.w) ?? null,
      membership: [...first, ...(changesOf.get(r.w) ?? [])],
    };
  });
}

export interface PastOutcomes {
  readonly won: number;
  readonly lost: number;
  readonly positive: number;
  readonly negative: number;
}

/**
 * The record on similar work, per consultant: deals of the product line they were assigned to
 * that were won or lost, and activities of the same kind they took part in, by outcome; the
 * consultants in `scope` (the activities of a kind count everyone who took part: ~13,000
 * consultants for demos at 10M events, decision 0052).
 */
export async function readPastOutcomes(
  store: AnalyticsStore,
  productLine: string,
  workKind: string,
  scope: ConsultantScope = 'everyone',
): Promise<Map<string, PastOutcomes>> {
  const line = sqlValue(productLine);
  const kind = sqlValue(workKind);
  // One statement: deals served and activities taken part in, each counted per consultant in its
  // own branch (the deals once each, however many assignments to one), then summed (decision
  // 0041); the scope filters each branch before it counts (decision 0052). The zeros are
  // materialized: ClickHouse 18.16 refuses a UNION ALL whose column is a constant in one branch
  // and not in the other. A completion carries its activity's kind and who took part, copied from
  // its scheduling (decisions 0016, 0048), so the activities are read from the completions alone.
  const rows = await store.query<{ c: string; won: number; lost: number; positive: number; negative: number }>(
    `SELECT c, sum(w) AS won, sum(l) AS lost, sum(p) AS positive, sum(n) AS negative FROM (
  SELECT entity_id AS c, uniqExactIf(opportunity_id, opportunity_id IN (SELECT entity_id FROM opportunity_won FINAL)) AS w,
    uniqExactIf(opportunity_id, opportunity_id IN (SELECT entity_id FROM opportunity_lost FINAL)) AS l, materialize(toUInt64(0)) AS p, materialize(toUInt64(0)) AS n
  FROM consultant_assigned FINAL
  WHERE opportunity_id IN (SELECT entity_id FROM opportunity_registered FINAL WHERE has(product_lines, ${line})) AND ${consultantInScope('entity_id', scope)}
  GROUP BY c
  UNION ALL
  SELECT c, materialize(toUInt64(0)) AS w, materialize(toUInt64(0)) AS l, countIf(outcome = 'positive') AS p, countIf(outcome = 'negative') AS n
  FROM (SELECT arrayJoin(consultant_ids) AS c, outcome FROM activity_completed FINAL WHERE activity_kind = ${kind}) AS done
  WHERE ${consultantInScope('c', scope)}
  GROUP BY c
) AS record
GROUP BY c`,
  );
  const past = new Map<string, { won: number; lost: number; positive: number; negative: number }>();
  const of = (id: string) => past.get(id) ?? past.set(id, { won: 0, lost: 0, positive: 0, negative: 0 }).get(id)!;
  for (const r of rows)
    Object.assign(of(r.c), {
      won: num(r.won),
      lost: num(r.lost),
      positive: num(r.positive),
      negative: num(r.negative),
    });
  return past;
}
