import { defineKpi, IN_PERIOD } from './define.js';

export const SOLUTION_KPIS = [
  defineKpi({
    id: 'technical_win_rate',
    names: { en: 'Technical win rate', zh: '技术赢标率' },
    description: 'technical_win ÷ all TechnicalDecisionRecorded in the period',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.6',
    weight: '2',
    area: 'solution',
    aggregate: 'ratio',
    sql: `SELECT entity_id AS unit_id, toFloat64(outcome = 'technical_win') AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:technical_decision_recorded}} AS d
WHERE ${IN_PERIOD} AND {{in_opp_scope:entity_id}}`,
  }),
  defineKpi({
    id: 'tech_win_to_close',
    names: { en: 'Technical win to close', zh: '技术赢标转化率' },
    description: 'won ÷ closed, among opportunities with a technical_win',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.6',
    area: 'solution',
    aggregate: 'ratio',
    sql: `SELECT opportunity_id AS unit_id, toFloat64(outcome = 'won') AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM ({{closures}}) AS c
WHERE closed_ms >= {{from}} AND closed_ms < {{to}} AND {{in_opp_scope:opportunity_id}}
  AND opportunity_id IN (SELECT entity_id FROM {{t:technical_decision_recorded}} AS d WHERE outcome = 'technical_win')`,
  }),
  defineKpi({
    id: 'review_rejection_rate',
    names: { en: 'Review rejection rate', zh: '评审否决率' },
    description: 'tenders with a rejected ReviewHeld ÷ tenders with ≥1 ReviewHeld in the period',
    unit: 'ratio',
    direction: 'down',
    defaultTarget: '0.1',
    area: 'solution',
    aggregate: 'ratio',
    sql: `SELECT entity_id AS unit_id, toFloat64(max(outcome = 'rejected')) AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:review_held}} AS r
WHERE ${IN_PERIOD} AND {{in_scope_via:tender_received:entity_id}}
GROUP BY entity_id`,
  }),
];
