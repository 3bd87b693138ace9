import { defineKpi, IN_PERIOD } from './define.js';

const QUOTE_SCOPE = '{{in_scope_via:quote_drafted:entity_id}}';

export const REQUIREMENTS_KPIS = [
  defineKpi({
    id: 'requirement_fit_rate',
    names: { en: 'Requirement fit rate', zh: '需求匹配率' },
    description: '(standard + configurable) ÷ all RequirementFitAssessed in the period',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.8',
    weight: '2',
    area: 'requirements',
    aggregate: 'ratio',
    sql: `SELECT concat(entity_id, '/', requirement_id) AS unit_id, toFloat64(fit IN ('standard', 'configurable')) AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:requirement_fit_assessed}} AS f
WHERE ${IN_PERIOD} AND {{in_line_or_opp_scope:product_line:entity_id}}`,
  }),
  defineKpi({
    id: 'gap_loss_value',
    names: { en: 'Value lost to product gaps', zh: '产品缺口丢单金额' },
    description: 'Σ estimatedValue of opportunities lost in the period citing ≥1 product gap',
    unit: 'money',
    direction: 'down',
    defaultTarget: '5000000',
    area: 'requirements',
    aggregate: 'sum',
    // A loss carries the opportunity's registered estimate (decision 0016).
    sql: `SELECT entity_id AS unit_id, {{fx:estimated_value:estimated_value_currency}} AS num, toFloat64(0) AS den, toUInt8(0) AS grp
FROM {{t:opportunity_lost}} AS l
WHERE length(product_gap_ids) > 0 AND ${IN_PERIOD} AND {{in_opp_scope:entity_id}}`,
  }),
];

export const QUOTATION_KPIS = [
  defineKpi({
    id: 'quote_revisions',
    names: { en: 'Quote revisions', zh: '报价修订次数' },
    description: 'mean QuoteRevised count per quote accepted in the period',
    unit: 'count',
    direction: 'down',
    defaultTarget: '2',
    area: 'quotation',
    aggregate: 'mean',
    sql: `SELECT entity_id AS unit_id, toFloat64(revisions) AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:quote_accepted}} AS a
ANY LEFT JOIN (SELECT entity_id, count() AS revisions FROM {{t:quote_revised}} AS v GROUP BY entity_id) AS revised USING entity_id
WHERE ${IN_PERIOD} AND ${QUOTE_SCOPE}`,
  }),
  defineKpi({
    id: 'quote_accuracy',
    names: { en: 'Quote accuracy', zh: '报价准确率' },
    description: 'mean of 1 − |contracted − final quoted total| ÷ final quoted total, quotes accepted in the period',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.95',
    weight: '2',
    area: 'quotation',
    aggregate: 'mean',
    sql: `SELECT entity_id AS unit_id,
  1 - abs({{fx:contracted_amount:contracted_amount_currency}} - {{fx:q_total:q_currency}}) / {{fx:q_total:q_currency}} AS num,
  toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:quote_accepted}} AS a
ANY INNER JOIN (
  SELECT entity_id, toFloat64(0) AS revision, total AS q_total, currency AS q_currency FROM {{t:quote_drafted}} AS qd
  UNION ALL
  SELECT entity_id, revision, total AS q_total, currency AS q_currency FROM {{t:quote_revised}} AS qr
) AS quoted USING (entity_id, revision)
WHERE q_total != 0 AND ${IN_PERIOD} AND ${QUOTE_SCOPE}`,
  }),
  defineKpi({
    id: 'quote_margin',
    names: { en: 'Approved quote margin (%)', zh: '报价毛利率（%）' },
    description: 'mean marginPct of QuoteApproved in the period',
    unit: 'percent',
    direction: 'up',
    defaultTarget: '30',
    weight: '2',
    area: 'quotation',
    aggregate: 'mean',
    sql: `SELECT concat(entity_id, '/', toString(revision)) AS unit_id, toFloat64(margin_pct) AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:quote_approved}} AS p
WHERE ${IN_PERIOD} AND ${QUOTE_SCOPE}`,
  }),
];
