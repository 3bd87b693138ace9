import { defineKpi, IN_PERIOD } from './define.js';

const TENDER_SCOPE = '{{in_scope_via:tender_received:entity_id}}';

export const BID_KPIS = [
  defineKpi({
    id: 'bid_rate',
    names: { en: 'Bid rate', zh: '投标率' },
    description: 'bid ÷ all BidDecisionMade in the period (context, not judged)',
    unit: 'ratio',
    direction: 'context',
    defaultTarget: null,
    weight: '0',
    area: 'bid',
    aggregate: 'ratio',
    sql: `SELECT entity_id AS unit_id, toFloat64(decision = 'bid') AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:bid_decision_made}} AS b
WHERE ${IN_PERIOD} AND ${TENDER_SCOPE}`,
  }),
  defineKpi({
    id: 'hit_rate',
    names: { en: 'Hit rate', zh: '中标率' },
    description: 'awarded ÷ tenders with a BidOutcomeRecorded in the period (cancelled excluded)',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.3',
    weight: '3',
    area: 'bid',
    aggregate: 'ratio',
    sql: `SELECT entity_id AS unit_id, toFloat64(outcome = 'awarded') AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:bid_outcome_recorded}} AS o
WHERE outcome != 'cancelled' AND ${IN_PERIOD} AND ${TENDER_SCOPE}`,
  }),
  defineKpi({
    id: 'on_time_submission_rate',
    names: { en: 'On-time submission rate', zh: '按时递交率' },
    description: 'BidSubmitted with occurredAt ≤ deadline ÷ all BidSubmitted in the period',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.98',
    weight: '2',
    area: 'bid',
    aggregate: 'ratio',
    // A submission carries its tender's deadline (decision 0016).
    sql: `SELECT entity_id AS unit_id, toFloat64(occurred_at_ms <= tender_deadline_ms) AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:bid_submitted}} AS s
WHERE ${IN_PERIOD} AND ${TENDER_SCOPE}`,
  }),
  defineKpi({
    id: 'bid_turnaround_hours',
    names: { en: 'Bid turnaround (hours)', zh: '投标响应周期（小时）' },
    description: 'median hours TenderReceived → BidSubmitted, submissions in the period',
    unit: 'hours',
    direction: 'down',
    defaultTarget: '240',
    area: 'bid',
    aggregate: 'median',
    sql: `SELECT entity_id AS unit_id, (toInt64(occurred_at_ms) - toInt64(tender_received_at_ms)) / 3600000 AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM {{t:bid_submitted}} AS s
WHERE ${IN_PERIOD} AND ${TENDER_SCOPE}`,
  }),
  defineKpi({
    id: 'review_first_pass_rate',
    names: { en: 'Review first-pass rate', zh: '评审一次通过率' },
    description: 'tenders whose first ReviewHeld is approved ÷ tenders whose first ReviewHeld is in the period',
    unit: 'ratio',
    direction: 'up',
    defaultTarget: '0.7',
    area: 'bid',
    aggregate: 'ratio',
    // A tender whose first review is in the period has a review in it, and that first review is
    // before `to`: only those tenders' reviews before `to` are sorted.
    sql: `SELECT entity_id AS unit_id, toFloat64(tupleElement(first, 3) = 'approved') AS num, toFloat64(1) AS den, toUInt8(0) AS grp
FROM (
  SELECT entity_id, arraySort(groupArray((occurred_at_ms, position, outcome)))[1] AS first
  FROM {{t:review_held}} AS r
  WHERE occurred_at_ms < {{to}} AND entity_id IN (SELECT entity_id FROM {{t:review_held}} AS rp WHERE ${IN_PERIOD})
  GROUP BY entity_id
) AS firsts
WHERE tupleElement(first, 1) >= {{from}} AND tupleElement(first, 1) < {{to}} AND ${TENDER_SCOPE}`,
  }),
];
