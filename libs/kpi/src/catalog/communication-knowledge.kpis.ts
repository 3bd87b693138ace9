import { defineKpi, IN_PERIOD } from './define.js';

export const COMMUNICATION_KPIS = [
  defineKpi({
    id: 'poc_success_rate',
    names: { en: 'PoC success rate', zh: 'PoC 成功率' },
    description: 'PoCs completed with pocCriteriaMet = pocCriteriaTotal ÷ PoCs completed in the period',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.7',
    weight: '2',
    area: 'communication',
    aggregate: 'ratio',
    sql: `SELECT entity_id AS unit_id,
  toFloat64(ifNull(poc_criteria_total, 0) > 0 AND ifNull(poc_criteria_met, -1) = ifNull(poc_criteria_total, 0)) AS num,
  toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:activity_completed}} AS x
WHERE activity_kind = 'poc' AND ${IN_PERIOD} AND {{in_opp_scope:opportunity_id}}`,
  }),
  defineKpi({
    id: 'demo_to_win',
    names: { en: 'Demo to win', zh: '演示赢单率' },
    description: 'won ÷ closed, among opportunities closed in the period that had a completed demo',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.4',
    area: 'communication',
    aggregate: 'ratio',
    // A completion carries its activity's kind and opportunity (decision 0016): no join.
    sql: `SELECT opportunity_id AS unit_id, toFloat64(outcome = 'won') AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM ({{closures}}) AS c
WHERE closed_ms >= {{from}} AND closed_ms < {{to}} AND {{in_opp_scope:opportunity_id}}
  AND opportunity_id IN (SELECT opportunity_id FROM {{t:activity_completed}} AS x WHERE activity_kind = 'demo')`,
  }),
  defineKpi({
    id: 'customer_satisfaction',
    names: { en: 'Customer satisfaction', zh: '客户满意度' },
    description: 'mean customerSatisfaction (1-5) of activities completed in the period',
    unit: 'score',
    direction: 'up',
    defaultTarget: '4.2',
    weight: '2',
    area: 'communication',
    aggregate: 'mean',
    // A completion whose activity was never scheduled has no kind, and was never counted.
    sql: `SELECT entity_id AS unit_id, toFloat64(assumeNotNull(customer_satisfaction)) AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:activity_completed}} AS x
WHERE isNotNull(customer_satisfaction) AND activity_kind != '' AND ${IN_PERIOD} AND {{in_opp_scope:opportunity_id}}`,
  }),
];

export const KNOWLEDGE_KPIS = [
  defineKpi({
    id: 'knowledge_reuse_rate',
    names: { en: 'Knowledge reuse rate', zh: '知识复用率' },
    description: 'ResponseSectionDrafted with ≥1 reusedAssetId ÷ all ResponseSectionDrafted in the period',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.5',
    area: 'knowledge',
    aggregate: 'ratio',
    sql: `SELECT concat(entity_id, '/', section_id) AS unit_id, toFloat64(length(reused_asset_ids) > 0) AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:response_section_drafted}} AS d
WHERE ${IN_PERIOD} AND {{in_scope_via:tender_received:entity_id}}`,
  }),
];
