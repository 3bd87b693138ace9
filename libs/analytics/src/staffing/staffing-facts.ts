import type { AnalyticsStore } from '../analytics-store.port.js';
import { sqlValue } from '../sql/escape.js';
import { CONSULTANT_WEEK_LOAD_TABLE } from '../projection/week-load/consultant-week-load.js';
import type { CommittedWeekLoad, MembershipChange, WarRoomSpan } from './weekly-load.js';

/** A consultant on board, as onboarded, with the team they were last added to. */
export interface ConsultantProfile {
  readonly consultantId: string;
  readonly name: string;
  readonly teamId: string;
  readonly level: string;
  readonly productLines: readonly string[];
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
 * A condition on a column of consultant ids: those onboarded for `productLine` (a consultant's lines
 * are set at onboarding and never change, DOMAIN.md), or every consultant when it is undefined.
 */
function onboardedFor(column: string, productLine: string | undefined): string {
  return productLine === undefined
    ? '1'
    : `${column} IN (SELECT entity_id FROM consultant_onboarded FINAL WHERE has(product_lines, ${sqlValue(productLine)}))`;
}

/** Consultants not offboarded, with their latest team; only those of `productLine` when given. */
export async function readConsultants(store: AnalyticsStore, productLine?: string): Promise<ConsultantProfile[]> {
  const rows = await store.query<{
    id: string;
    name: string;
    team: string;
    moved: string;
    level: string;
    lines: string[];
    skills: string[];
    capacity: number;
    on_ms: number;
  }>(
    `SELECT entity_id AS id, name, team_id AS team, moved, level, product_lines AS lines, skills, weekly_capacity_hours AS capacity, occurred_at_ms AS on_ms
FROM (SELECT entity_id, name, team_id, level, product_lines, skills, weekly_capacity_hours, occurred_at_ms FROM consultant_onboarded FINAL
      WHERE entity_id NOT IN (SELECT entity_id FROM consultant_offboarded FINAL)${productLine === undefined ? '' : ` AND has(product_lines, ${sqlValue(productLine)})`}) AS onboarded
ANY LEFT JOIN (SELECT consultant_id AS entity_id, argMax(entity_id, position) AS moved FROM team_member_added FINAL GROUP BY consultant_id) AS added USING entity_id
ORDER BY id`,
  );
  return rows.map((r) => ({
    consultantId: r.id,
    name: r.name,
    teamId: r.moved === '' ? r.team : r.moved,
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

/** Skill → highest certified level, per consultant; only those of `productLine` when given. */
export async function readCertifiedLevels(
  store: AnalyticsStore,
  productLine?: string,
): Promise<Map<string, Map<string, number>>> {
  const rows = await store.query<{ id: string; skill: string; level: number }>(
    `SELECT entity_id AS id, skill, max(level) AS level FROM skill_certified FINAL WHERE ${onboardedFor('entity_id', productLine)} GROUP BY id, skill`,
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
 * assignment released before them) are left out, as no assignment at all. Only the consultants of
 * `productLine` when given.
 */
export async function readCommittedLoads(
  store: AnalyticsStore,
  fromMs: number,
  toMs: number,
  productLine?: string,
): Promise<CommittedWeekLoad[]> {
  const rows = await store.query<{ c: string; m: number; h: number }>(
    `SELECT consultant_id AS c, monday_ms AS m, sum(load_hundredths) AS h FROM ${CONSULTANT_WEEK_LOAD_TABLE.name} FINAL
WHERE monday_ms >= ${sqlValue(fromMs)} AND monday_ms < ${sqlValue(toMs)} AND ${onboardedFor('consultant_id', productLine)}
GROUP BY c, m HAVING h != 0`,
  );
  return rows.map((r) => ({ consultantId: r.c, mondayMs: num(r.m), hundredths: num(r.h) }));
}

/** War rooms opened before `toMs` and not closed by `fromMs`, with every change of their membership. */
export async function readWarRooms(store: AnalyticsStore, fromMs: number, toMs: number): Promise<WarRoomSpan[]> {
  // The rooms, and side by side every change of their membership and their closing in one UNION
  // ALL (delta 1 joined, -1 left, 0 closed) over the same rooms named by a subquery, which the
  // engine builds once per statement (decision 0041). Side by side rather than one after the other
  // with the rooms' ids written out: at 10M events thousands of rooms are open, and their ids made
  // the second statement's text as long as its answer (decision 0052). Constants materialized, as
  // ClickHouse 18.16 requires of a UNION ALL.
  const within = `SELECT entity_id FROM war_room_opened FINAL WHERE occurred_at_ms < ${sqlValue(toMs)}
  AND entity_id NOT IN (SELECT entity_id FROM war_room_closed FINAL WHERE occurred_at_ms <= ${sqlValue(fromMs)})`;
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
WHERE occurred_at_ms < ${sqlValue(toMs)}
  AND entity_id NOT IN (SELECT entity_id FROM war_room_closed FINAL WHERE occurred_at_ms <= ${sqlValue(fromMs)})`,
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
 * that were won or lost, and activities of the same kind they took part in, by outcome.
 */
export async function readPastOutcomes(
  store: AnalyticsStore,
  productLine: string,
  workKind: string,
): Promise<Map<string, PastOutcomes>> {
  const line = sqlValue(productLine);
  const kind = sqlValue(workKind);
  // One statement: deals served and activities taken part in, each a row of four counts, summed
  // per consultant (decision 0041). The zeros are materialized: ClickHouse 18.16 refuses a UNION
  // ALL whose column is a constant in one branch and not in the other. A completion carries its
  // activity's kind and who took part, copied from its scheduling (decisions 0016, 0048), so the
  // activities are read from the completions alone, with no join.
  const rows = await store.query<{ c: string; won: number; lost: number; positive: number; negative: number }>(
    `SELECT c, sum(w) AS won, sum(l) AS lost, sum(p) AS positive, sum(n) AS negative FROM (
  SELECT c, toUInt64(o IN (SELECT entity_id FROM opportunity_won FINAL)) AS w, toUInt64(o IN (SELECT entity_id FROM opportunity_lost FINAL)) AS l, materialize(toUInt64(0)) AS p, materialize(toUInt64(0)) AS n
  FROM (SELECT DISTINCT entity_id AS c, opportunity_id AS o FROM consultant_assigned FINAL
        WHERE opportunity_id IN (SELECT entity_id FROM opportunity_registered FINAL WHERE has(product_lines, ${line}))) AS served
  UNION ALL
  SELECT arrayJoin(consultant_ids) AS c, materialize(toUInt64(0)) AS w, materialize(toUInt64(0)) AS l, toUInt64(outcome = 'positive') AS p, toUInt64(outcome = 'negative') AS n
  FROM activity_completed FINAL WHERE activity_kind = ${kind}
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
