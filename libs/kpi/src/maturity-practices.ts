import type { ProcessArea } from './definition.js';

/**
 * A practice of levels 2 and 3 (KPIS.md), measured in SQL over the window [{{from}}, {{to}}) as
 * of {{asof}}: the template lists the units of work (unit_id, named as KpiDefinition.sql says)
 * and whether each satisfies the practice (ok = 1). Levels 4 and 5 come from the KPI scorecards
 * (libs/analytics).
 */
export interface PracticeTemplate {
  readonly id: string;
  readonly area: ProcessArea;
  readonly level: 2 | 3;
  readonly description: string;
  readonly sql: string;
}

const IN_WINDOW = 'occurred_at_ms >= {{from}} AND occurred_at_ms < {{to}}';

/** Level 3's first condition: a ProcessStandardPublished for the area by the end of the window. */
function standardPublished(area: ProcessArea): PracticeTemplate {
  return {
    id: `${area}.standard_published`,
    area,
    level: 3,
    description: `a ProcessStandardPublished exists for ${area}`,
    sql: `SELECT '${area}' AS unit_id, toUInt8(count() > 0) AS ok FROM {{t:process_standard_published}} AS p WHERE area = '${area}' AND occurred_at_ms < {{to}}`,
  };
}

/** The checklist version current at each instant for an area: [(published_ms, version)] sorted. */
const standardVersions = (area: ProcessArea) =>
  `(SELECT arraySort(groupArray((occurred_at_ms, standard_version))) FROM {{t:process_standard_published}} AS p WHERE area = '${area}')`;

export const MATURITY_PRACTICES: readonly PracticeTemplate[] = [
  // bid
  {
    id: 'bid.decision_recorded',
    area: 'bid',
    level: 2,
    description: 'every tender received in the window has a BidDecisionMade',
    sql: `SELECT entity_id AS unit_id, toUInt8(entity_id IN (SELECT entity_id FROM {{t:bid_decision_made}} AS d)) AS ok
FROM {{t:tender_received}} AS t WHERE ${IN_WINDOW}`,
  },
  {
    id: 'bid.reviewed_before_submission',
    area: 'bid',
    level: 2,
    description: 'every BidSubmitted in the window has a ReviewHeld before it',
    sql: `SELECT entity_id AS unit_id, toUInt8(first_review_ms > 0 AND first_review_ms < occurred_at_ms) AS ok
FROM {{t:bid_submitted}} AS s
ANY LEFT JOIN (SELECT entity_id, min(occurred_at_ms) AS first_review_ms FROM {{t:review_held}} AS r GROUP BY entity_id) AS reviews USING entity_id
WHERE ${IN_WINDOW}`,
  },
  standardPublished('bid'),
  {
    id: 'bid.reviews_cite_current_checklist',
    area: 'bid',
    level: 3,
    description: 'reviews in the window cite the checklist version current when they were held',
    sql: `SELECT concat(entity_id, '/', review_id) AS unit_id,
  toUInt8(length(current) > 0 AND tupleElement(current[length(current)], 2) = checklist_version) AS ok
FROM (
  SELECT entity_id, review_id, checklist_version, arrayFilter(s -> tupleElement(s, 1) <= occurred_at_ms, ${standardVersions('bid')}) AS current
  FROM {{t:review_held}} AS r WHERE ${IN_WINDOW}
) AS reviews`,
  },
  // requirements
  {
    id: 'requirements.fit_assessed',
    area: 'requirements',
    level: 2,
    description: 'every requirement captured in the window has a RequirementFitAssessed',
    sql: `SELECT concat(entity_id, '/', requirement_id) AS unit_id, toUInt8((entity_id, requirement_id) IN (SELECT entity_id, requirement_id FROM {{t:requirement_fit_assessed}} AS f)) AS ok
FROM {{t:requirement_captured}} AS c WHERE ${IN_WINDOW}`,
  },
  standardPublished('requirements'),
  {
    id: 'requirements.effort_estimated',
    area: 'requirements',
    level: 3,
    description: 'custom and gap fits assessed in the window carry an effort estimate',
    sql: `SELECT concat(entity_id, '/', requirement_id) AS unit_id, toUInt8(isNotNull(effort_days)) AS ok FROM {{t:requirement_fit_assessed}} AS f WHERE fit IN ('custom', 'gap') AND ${IN_WINDOW}`,
  },
  // solution
  {
    id: 'solution.technical_decision_recorded',
    area: 'solution',
    level: 2,
    description: 'every opportunity won or lost in the window has a TechnicalDecisionRecorded',
    sql: `SELECT opportunity_id AS unit_id, toUInt8(opportunity_id IN (SELECT entity_id FROM {{t:technical_decision_recorded}} AS d)) AS ok
FROM ({{closures}}) AS c WHERE outcome IN ('won', 'lost') AND closed_ms >= {{from}} AND closed_ms < {{to}}`,
  },
  standardPublished('solution'),
  {
    id: 'solution.solution_review_before_submission',
    area: 'solution',
    level: 3,
    description: 'every tender submitted in the window had a solution-stage ReviewHeld',
    sql: `SELECT entity_id AS unit_id, toUInt8(entity_id IN (SELECT entity_id FROM {{t:review_held}} AS r WHERE stage = 'solution')) AS ok
FROM {{t:bid_submitted}} AS s WHERE ${IN_WINDOW}`,
  },
  // resourcing
  {
    id: 'resourcing.time_logged',
    area: 'resourcing',
    level: 2,
    description: 'every consultant onboarded before the window ends (and not offboarded before it starts) logs time in it',
    sql: `SELECT entity_id AS unit_id, toUInt8(entity_id IN (SELECT entity_id FROM {{t:time_logged}} AS l WHERE ${IN_WINDOW})) AS ok
FROM {{t:consultant_onboarded}} AS o
WHERE occurred_at_ms < {{to}} AND entity_id NOT IN (SELECT entity_id FROM {{t:consultant_offboarded}} AS f WHERE occurred_at_ms < {{from}})`,
  },
  standardPublished('resourcing'),
  {
    id: 'resourcing.time_attributed',
    area: 'resourcing',
    level: 3,
    description: 'customer-facing, solution and bid-writing time in the window names its opportunity or activity',
    sql: `SELECT concat(entity_id, '/', entry_id) AS unit_id, toUInt8(opportunity_id != '' OR activity_id != '') AS ok
FROM {{t:time_logged}} AS l WHERE category IN ('customer_facing', 'solution', 'bid_writing') AND ${IN_WINDOW}`,
  },
  // quotation
  {
    id: 'quotation.approval_requested',
    area: 'quotation',
    level: 2,
    description: 'every quote drafted in the window went to approval',
    sql: `SELECT entity_id AS unit_id, toUInt8(entity_id IN (SELECT entity_id FROM {{t:quote_approval_requested}} AS r)) AS ok
FROM {{t:quote_drafted}} AS d WHERE ${IN_WINDOW}`,
  },
  standardPublished('quotation'),
  {
    id: 'quotation.approved_as_requested',
    area: 'quotation',
    level: 3,
    description: 'every approval in the window answers an approval request for the same revision',
    sql: `SELECT concat(entity_id, '#', toString(revision)) AS unit_id,
  toUInt8((entity_id, revision) IN (SELECT entity_id, revision FROM {{t:quote_approval_requested}} AS r)) AS ok
FROM {{t:quote_approved}} AS a WHERE ${IN_WINDOW}`,
  },
  // communication
  {
    id: 'communication.activity_closed_out',
    area: 'communication',
    level: 2,
    description: 'every activity scheduled in the window was completed or cancelled',
    sql: `SELECT entity_id AS unit_id,
  toUInt8(entity_id IN (SELECT entity_id FROM {{t:activity_completed}} AS x) OR entity_id IN (SELECT entity_id FROM {{t:activity_cancelled}} AS y)) AS ok
FROM {{t:activity_scheduled}} AS s WHERE ${IN_WINDOW}`,
  },
  standardPublished('communication'),
  {
    id: 'communication.activities_use_assets',
    area: 'communication',
    level: 3,
    description: 'activities completed in the window used knowledge assets',
    sql: `SELECT entity_id AS unit_id, toUInt8(length(used_asset_ids) > 0) AS ok FROM {{t:activity_completed}} AS x WHERE ${IN_WINDOW}`,
  },
  // knowledge
  {
    id: 'knowledge.sections_drafted',
    area: 'knowledge',
    level: 2,
    description: 'every response section assigned in the window was drafted',
    sql: `SELECT concat(entity_id, '/', section_id) AS unit_id, toUInt8((entity_id, section_id) IN (SELECT entity_id, section_id FROM {{t:response_section_drafted}} AS d)) AS ok
FROM {{t:response_section_assigned}} AS a WHERE ${IN_WINDOW}`,
  },
  standardPublished('knowledge'),
  {
    id: 'knowledge.sections_reuse_assets',
    area: 'knowledge',
    level: 3,
    description: 'sections drafted in the window reuse knowledge assets',
    sql: `SELECT concat(entity_id, '/', section_id) AS unit_id, toUInt8(length(reused_asset_ids) > 0) AS ok FROM {{t:response_section_drafted}} AS d WHERE ${IN_WINDOW}`,
  },
  // collaboration
  {
    id: 'collaboration.requests_acknowledged',
    area: 'collaboration',
    level: 2,
    description: 'every support request raised in the window was acknowledged',
    sql: `SELECT concat(entity_id, '/', request_id) AS unit_id, toUInt8((entity_id, request_id) IN (SELECT entity_id, request_id FROM {{t:presales_support_acknowledged}} AS a)) AS ok
FROM {{t:presales_support_requested}} AS q WHERE ${IN_WINDOW}`,
  },
  standardPublished('collaboration'),
  {
    id: 'collaboration.acknowledged_before_due',
    area: 'collaboration',
    level: 3,
    description: 'requests acknowledged in the window were acknowledged before they were due',
    sql: `SELECT concat(entity_id, '/', request_id) AS unit_id, toUInt8(occurred_at_ms <= r_due_ms) AS ok
FROM {{t:presales_support_acknowledged}} AS a
ANY LEFT JOIN (SELECT entity_id, request_id, due_at_ms AS r_due_ms FROM {{t:presales_support_requested}} AS q) AS req USING (entity_id, request_id)
WHERE ${IN_WINDOW}`,
  },
  // performance
  {
    id: 'performance.wins_attributed',
    area: 'performance',
    level: 2,
    description: 'every opportunity won in the window had a consultant assigned',
    sql: `SELECT entity_id AS unit_id, toUInt8(entity_id IN (SELECT opportunity_id FROM {{t:consultant_assigned}} AS a)) AS ok
FROM {{t:opportunity_won}} AS w WHERE ${IN_WINDOW}`,
  },
  standardPublished('performance'),
  {
    id: 'performance.actions_completed',
    area: 'performance',
    level: 3,
    description: 'corrective actions due in the window were completed',
    sql: `SELECT entity_id AS unit_id, toUInt8(entity_id IN (SELECT entity_id FROM {{t:corrective_action_completed}} AS c)) AS ok
FROM {{t:corrective_action_raised}} AS r WHERE due_at_ms >= {{from}} AND due_at_ms < {{to}}`,
  },
  // people
  {
    id: 'people.growth_goals_set',
    area: 'people',
    level: 2,
    description: 'every consultant active in the window has a growth goal',
    sql: `SELECT entity_id AS unit_id, toUInt8(entity_id IN (SELECT entity_id FROM {{t:growth_goal_set}} AS g)) AS ok
FROM {{t:consultant_onboarded}} AS o
WHERE occurred_at_ms < {{to}} AND entity_id NOT IN (SELECT entity_id FROM {{t:consultant_offboarded}} AS f WHERE occurred_at_ms < {{from}})`,
  },
  standardPublished('people'),
  {
    id: 'people.skills_certified',
    area: 'people',
    level: 3,
    description: 'consultants with a goal due in the window have a skill certified',
    sql: `SELECT concat(entity_id, '/', goal_id) AS unit_id, toUInt8(entity_id IN (SELECT entity_id FROM {{t:skill_certified}} AS c)) AS ok
FROM {{t:growth_goal_set}} AS g WHERE due_at_ms >= {{from}} AND due_at_ms < {{to}}`,
  },
];
