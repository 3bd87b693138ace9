import { defineKpi, IN_PERIOD } from './define.js';

const DECIDED_IN_PERIOD =
  "outcome IN ('won', 'lost') AND closed_ms >= {{from}} AND closed_ms < {{to}} AND {{in_opp_scope:opportunity_id}}";

export const COLLABORATION_KPIS = [
  defineKpi({
    id: 'win_rate',
    names: { en: 'Win rate', zh: '赢单率' },
    description: 'won ÷ (won + lost), opportunities closed in the period',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.35',
    weight: '3',
    area: 'collaboration',
    aggregate: 'ratio',
    sql: `SELECT opportunity_id AS unit_id, toFloat64(outcome = 'won') AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM ({{closures}}) AS c
WHERE ${DECIDED_IN_PERIOD}`,
  }),
  defineKpi({
    id: 'win_rate_value',
    names: { en: 'Win rate by value', zh: '金额赢单率' },
    description: 'Σ won amount ÷ Σ (won amount + lost estimatedValue)',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.3',
    weight: '2',
    area: 'collaboration',
    aggregate: 'ratio',
    sql: `SELECT entity_id AS unit_id, {{fx:amount:amount_currency}} AS num, {{fx:amount:amount_currency}} AS den, toUInt8(0) AS grp
FROM {{t:opportunity_won}} AS w
WHERE ${IN_PERIOD} AND {{in_opp_scope:entity_id}}
UNION ALL
SELECT entity_id AS unit_id, toFloat64(0) AS num, {{fx:estimated_value:estimated_value_currency}} AS den, toUInt8(0) AS grp
FROM {{t:opportunity_lost}} AS l
WHERE ${IN_PERIOD} AND {{in_opp_scope:entity_id}}`,
  }),
  defineKpi({
    id: 'presales_lift',
    names: { en: 'Presales lift', zh: '售前提升度' },
    description: 'win rate of closed opportunities with ≥1 completed activity − win rate of those with none',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.1',
    weight: '2',
    area: 'collaboration',
    aggregate: 'lift',
    // The first completion is only compared with a close in the period: activities of other
    // opportunities, or completed at or after `to` (later than any such close), cannot matter.
    // Wins and losses are read directly, not through {{closures}}: a decided close is one of them.
    sql: `SELECT opportunity_id AS unit_id, toFloat64(outcome = 'won') AS num, toFloat64(1) AS den,
  toUInt8(first_completed_ms > 0 AND first_completed_ms <= closed_ms) AS grp
FROM (SELECT entity_id AS opportunity_id, occurred_at_ms AS closed_ms, 'won' AS outcome FROM {{t:opportunity_won}} AS cw WHERE ${IN_PERIOD}
  UNION ALL SELECT entity_id AS opportunity_id, occurred_at_ms AS closed_ms, 'lost' AS outcome FROM {{t:opportunity_lost}} AS cl WHERE ${IN_PERIOD}) AS c
ANY LEFT JOIN (
  SELECT opportunity_id, min(occurred_at_ms) AS first_completed_ms
  FROM {{t:activity_completed}} AS x
  WHERE occurred_at_ms < {{to}}
    AND opportunity_id IN (SELECT entity_id FROM {{t:opportunity_won}} AS w2 WHERE ${IN_PERIOD}
    UNION ALL SELECT entity_id FROM {{t:opportunity_lost}} AS l2 WHERE ${IN_PERIOD})
  GROUP BY opportunity_id
) AS f USING opportunity_id
WHERE {{in_opp_scope:opportunity_id}}`,
  }),
  defineKpi({
    id: 'first_response_hours',
    names: { en: 'First response time (hours)', zh: '首次响应时长（小时）' },
    description: 'median hours PresalesSupportRequested → PresalesSupportAcknowledged, acknowledged in the period',
    unit: 'hours',
    direction: 'down',
    defaultTarget: '8',
    area: 'collaboration',
    aggregate: 'median',
    // An acknowledgement carries its request's time, kind and product line (decision 0016).
    sql: `SELECT concat(entity_id, '/', request_id) AS unit_id, (toInt64(occurred_at_ms) - toInt64(requested_at_ms)) / 3600000 AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:presales_support_acknowledged}} AS a
WHERE ${IN_PERIOD} AND {{in_support_scope:request_product_line:consultant_id}}`,
  }),
  defineKpi({
    id: 'response_sla_attainment',
    names: { en: 'Response SLA attainment', zh: '响应时效达成率' },
    description: 'acknowledged within the SLA of the request kind (default 24 h) ÷ acknowledged in the period',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.9',
    area: 'collaboration',
    aggregate: 'ratio',
    parameters: {
      slaHoursByKind: { exchange: 24, demo: 24, poc: 24, workshop: 24, rfi: 24, rfp: 24, solution: 24, quote: 24 },
    },
    sql: `SELECT concat(entity_id, '/', request_id) AS unit_id,
  toFloat64((toInt64(occurred_at_ms) - toInt64(requested_at_ms)) / 3600000 <= {{param:slaHoursByKind:request_kind:24}}) AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:presales_support_acknowledged}} AS a
WHERE ${IN_PERIOD} AND {{in_support_scope:request_product_line:consultant_id}}`,
  }),
];
