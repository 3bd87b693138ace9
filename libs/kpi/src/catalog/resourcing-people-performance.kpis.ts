import { defineKpi, IN_PERIOD } from './define.js';

/** Consultants in scope with their onboarded interval [on_ms, off_ms), off_ms = 0 while still onboarded. */
const CONSULTANTS = `SELECT entity_id, weekly_capacity_hours, on_ms, off_ms
FROM (SELECT entity_id, weekly_capacity_hours, occurred_at_ms AS on_ms FROM {{t:consultant_onboarded}} AS o WHERE {{in_cons_scope:entity_id}}) AS onb
ANY LEFT JOIN (SELECT entity_id, occurred_at_ms AS off_ms FROM {{t:consultant_offboarded}} AS f) AS offb USING entity_id`;

export const RESOURCING_KPIS = [
  defineKpi({
    id: 'utilization',
    names: { en: 'Utilization', zh: '人员利用率' },
    description: '(customer_facing + solution + bid_writing hours) ÷ capacity hours in the period',
    unit: 'ratio',
    direction: 'target',
    defaultTarget: '0.75',
    weight: '2',
    area: 'resourcing',
    aggregate: 'ratio',
    sql: `SELECT entity_id AS unit_id, toFloat64(productive) AS num,
  weekly_capacity_hours * greatest(toInt64(0),
    least(if(off_ms = 0, toInt64({{to}}), toInt64(off_ms)), toInt64({{to}})) - greatest(toInt64(on_ms), toInt64({{from}}))) / 86400000 / 7 AS den,
  toUInt8(0) AS grp
FROM (${CONSULTANTS}) AS cons
ANY LEFT JOIN (
  SELECT entity_id, sum(hours) AS productive FROM {{t:time_logged}} AS l
  WHERE category IN ('customer_facing', 'solution', 'bid_writing') AND ${IN_PERIOD}
  GROUP BY entity_id
) AS logged USING entity_id`,
  }),
  defineKpi({
    id: 'overload_share',
    names: { en: 'Overload share', zh: '超负荷占比' },
    description:
      'consultant-weeks (Monday-based) whose summed allocationPct of active assignments and war rooms > 100 ÷ consultant-weeks',
    unit: 'ratio',
    direction: 'down',
    defaultTarget: '0.1',
    area: 'resourcing',
    aggregate: 'ratio',
    // Only what can touch a Monday m in [from, to) is read: assignments overlapping the period,
    // releases, membership changes and closures before `to` (one at or after `to` acts as none),
    // and no room closed by `from`. Each row carries an array with a value per Monday of the
    // period and rows are summed per consultant (-ForEach), not exploded per Monday and grouped
    // by (consultant, Monday): a third less work. A release carries the assignment it ends
    // (decision 0016) and takes its allocation back from its time on, instead of every
    // assignment looking for its release in a join. Rooms are looked up for their allocation and,
    // when closed in (from, to), the closing. Loads are summed in whole hundredths of a percent
    // (allocationPct has two decimals): in floating point, 10.1 + 89.9 with a released 0.1 added
    // and taken back can come out above 100. Lambdas take every column they read as an argument
    // (replicate): ClickHouse 18.16 cannot see a column from inside a lambda past a JOIN or in
    // a UNION ALL.
    sql: `SELECT concat(c_id, '@', toString(tupleElement(week, 1))) AS unit_id, toFloat64(tupleElement(week, 2) > 10000) AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM (
  SELECT c_id, arrayJoin(arrayFilter(x -> tupleElement(x, 3) = 1, arrayMap((m, l, b) -> (m, l, b), {{mondays}}, loads, bases))) AS week
  FROM (
    SELECT c_id, sumForEach(allocs) AS loads, maxForEach(bases) AS bases FROM (
      SELECT entity_id AS c_id, arrayMap(m -> toInt64(0), {{mondays}}) AS allocs, arrayMap((m, on, off) -> toUInt8(on <= m AND (off = 0 OR off > m)), {{mondays}}, replicate(on_ms, {{mondays}}), replicate(off_ms, {{mondays}})) AS bases
      FROM (${CONSULTANTS}) AS cons
      UNION ALL
      SELECT entity_id AS c_id, arrayMap((m, f, t, pct) -> if(f <= m AND m <= t, toInt64(round(toFloat64(pct) * 100)), toInt64(0)), {{mondays}},
        replicate(from_at_ms, {{mondays}}), replicate(to_at_ms, {{mondays}}), replicate(allocation_pct, {{mondays}})) AS allocs, arrayMap(m -> toUInt8(0), {{mondays}}) AS bases
      FROM {{t:consultant_assigned}} AS a
      WHERE from_at_ms < {{to}} AND to_at_ms >= {{from}} AND {{in_cons_scope:entity_id}}
      UNION ALL
      SELECT entity_id AS c_id, arrayMap((m, f, t, r, pct) -> if(f <= m AND m <= t AND r <= m, -toInt64(round(toFloat64(pct) * 100)), toInt64(0)), {{mondays}},
        replicate(assignment_from_ms, {{mondays}}), replicate(assignment_to_ms, {{mondays}}), replicate(occurred_at_ms, {{mondays}}), replicate(assignment_allocation_pct, {{mondays}})) AS allocs,
        arrayMap(m -> toUInt8(0), {{mondays}}) AS bases
      FROM {{t:consultant_released}} AS r
      WHERE occurred_at_ms < {{to}} AND assignment_from_ms < {{to}} AND assignment_to_ms >= {{from}} AND {{in_cons_scope:entity_id}}
      UNION ALL
      SELECT c_id, arrayMap((j, m, closed, pct) -> if(j > 0 AND (closed = 0 OR closed > m), toInt64(round(toFloat64(pct) * 100)), toInt64(0)), joins, {{mondays}}, replicate(closed_ms, {{mondays}}), replicate(w_alloc, {{mondays}})) AS allocs, arrayMap(m -> toUInt8(0), {{mondays}}) AS bases
      FROM (
        SELECT w, c_id, sumForEach(deltas) AS joins FROM (
          SELECT w, c_id, arrayMap((m, at, d) -> if(at <= m, d, toInt64(0)), {{mondays}}, replicate(t, {{mondays}}), replicate(delta, {{mondays}})) AS deltas FROM (
            SELECT entity_id AS w, arrayJoin(if(has(member_ids, commander_id), member_ids, arrayPushBack(member_ids, commander_id))) AS c_id, occurred_at_ms AS t, toInt64(1) AS delta FROM {{t:war_room_opened}} AS wo WHERE occurred_at_ms < {{to}}
            UNION ALL SELECT entity_id AS w, consultant_id AS c_id, occurred_at_ms AS t, toInt64(1) AS delta FROM {{t:war_room_member_joined}} AS wj WHERE occurred_at_ms < {{to}}
            UNION ALL SELECT entity_id AS w, consultant_id AS c_id, occurred_at_ms AS t, toInt64(-1) AS delta FROM {{t:war_room_member_left}} AS wl WHERE occurred_at_ms < {{to}}
          ) AS membership_events
          WHERE w NOT IN (SELECT entity_id FROM {{t:war_room_closed}} AS wcx WHERE occurred_at_ms <= {{from}})
        ) AS per_event GROUP BY w, c_id
      ) AS membership
      ANY LEFT JOIN (
        SELECT w, w_alloc, closed_ms FROM (SELECT entity_id AS w, allocation_pct AS w_alloc FROM {{t:war_room_opened}} AS wo2 WHERE occurred_at_ms < {{to}}) AS opened
        ANY LEFT JOIN (SELECT entity_id AS w, occurred_at_ms AS closed_ms FROM {{t:war_room_closed}} AS wc WHERE occurred_at_ms > {{from}} AND occurred_at_ms < {{to}}) AS closed USING w
      ) AS rooms USING w
    ) AS loads
    GROUP BY c_id
  ) AS consultants
) AS weeks`,
  }),
];

export const PEOPLE_KPIS = [
  defineKpi({
    id: 'growth_goal_attainment',
    names: { en: 'Growth goal attainment', zh: '成长目标达成率' },
    description: 'GrowthGoalAchieved by dueAt ÷ goals due in the period',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.7',
    area: 'people',
    aggregate: 'ratio',
    sql: `SELECT concat(entity_id, '/', goal_id) AS unit_id, toFloat64(achieved_ms > 0 AND achieved_ms <= due_at_ms) AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:growth_goal_set}} AS g
ANY LEFT JOIN (SELECT entity_id, goal_id, min(occurred_at_ms) AS achieved_ms FROM {{t:growth_goal_achieved}} AS a GROUP BY entity_id, goal_id) AS achieved
  USING (entity_id, goal_id)
WHERE due_at_ms >= {{from}} AND due_at_ms < {{to}} AND {{in_cons_scope:entity_id}}`,
  }),
];

export const PERFORMANCE_KPIS = [
  defineKpi({
    id: 'influenced_revenue_per_consultant',
    names: { en: 'Influenced revenue per consultant', zh: '人均影响收入' },
    description:
      'Σ over opportunities won in the period of amount × the consultant’s allocation share ÷ consultants active in the period',
    unit: 'money',
    direction: 'up',
    defaultTarget: '1000000',
    weight: '2',
    area: 'performance',
    aggregate: 'ratio',
    // ALL, not ANY: since ClickHouse 19, ANY INNER JOIN keeps one row per key of the left side
    // too, which would credit one consultant per opportunity; the right sides are one row a key.
    sql: `SELECT concat(c_id, '/', opportunity_id) AS unit_id, won_value * c_alloc / o_alloc AS num, toFloat64(0) AS den, toUInt8(0) AS grp
FROM (
  SELECT c_id, opportunity_id, c_alloc, o_alloc FROM (
    SELECT entity_id AS c_id, opportunity_id, sum(allocation_pct) AS c_alloc FROM {{t:consultant_assigned}} AS a
    WHERE {{in_cons_scope:entity_id}} GROUP BY c_id, opportunity_id
  ) AS mine
  ALL INNER JOIN (SELECT opportunity_id, sum(allocation_pct) AS o_alloc FROM {{t:consultant_assigned}} AS a2 GROUP BY opportunity_id) AS everyone USING opportunity_id
) AS shares
ALL INNER JOIN (SELECT entity_id AS opportunity_id, {{fx:amount:amount_currency}} AS won_value FROM {{t:opportunity_won}} AS w WHERE ${IN_PERIOD}) AS won USING opportunity_id
UNION ALL
SELECT entity_id AS unit_id, toFloat64(0) AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM (${CONSULTANTS}) AS cons
WHERE on_ms < {{to}} AND (off_ms = 0 OR off_ms > {{from}})`,
  }),
  defineKpi({
    id: 'presales_cost_ratio',
    names: { en: 'Presales cost ratio', zh: '售前成本率' },
    description: 'Σ logged hours × hourlyCost ÷ Σ won amount, in the period',
    unit: 'ratio',
    direction: 'down',
    defaultTarget: '0.05',
    weight: '2',
    area: 'performance',
    aggregate: 'ratio',
    sql: `SELECT concat(entity_id, '/', entry_id) AS unit_id, hours * {{fx:c_cost:c_cost_currency}} AS num, toFloat64(0) AS den, toUInt8(0) AS grp
FROM {{t:time_logged}} AS l
ANY LEFT JOIN (SELECT entity_id, hourly_cost AS c_cost, hourly_cost_currency AS c_cost_currency FROM {{t:consultant_onboarded}} AS o) AS rate USING entity_id
WHERE ${IN_PERIOD} AND {{in_cons_scope:entity_id}}
UNION ALL
SELECT entity_id AS unit_id, toFloat64(0) AS num, {{fx:amount:amount_currency}} AS den, toUInt8(0) AS grp
FROM {{t:opportunity_won}} AS w
WHERE ${IN_PERIOD} AND {{in_opp_scope:entity_id}}`,
  }),
  defineKpi({
    id: 'corrective_action_closure',
    names: { en: 'Corrective action closure', zh: '纠正措施按期关闭率' },
    description: 'actions completed by dueAt ÷ actions due in the period',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.8',
    area: 'performance',
    aggregate: 'ratio',
    sql: `SELECT action_id AS unit_id, toFloat64(done_ms > 0 AND done_ms <= due_at_ms) AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:corrective_action_raised}} AS r
ANY LEFT JOIN (SELECT action_id, min(occurred_at_ms) AS done_ms FROM {{t:corrective_action_completed}} AS c GROUP BY action_id) AS done USING action_id
WHERE due_at_ms >= {{from}} AND due_at_ms < {{to}} AND {{in_action_scope}}`,
  }),
];
