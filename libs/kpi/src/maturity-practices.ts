import type { ProcessArea } from './definition.js';
import { AREA_NAMES, fixedThreshold, REQUEST_THRESHOLD, type PracticeRule } from './maturity-practice.js';

/**
 * A practice of levels 2 and 3 (KPIS.md), measured in SQL over the window [{{from}}, {{to}}) as
 * of {{asof}}: the template lists the units of work (unit_id, named as KpiDefinition.sql says)
 * and whether each satisfies the practice (ok = 1). Levels 4 and 5 come from the KPI scorecards
 * (maturity-kpi-practices.ts). A unit falls in the window by the event that starts it; the
 * evidence that satisfies it may come at any time recorded by asOf (decision 0023).
 */
export interface PracticeTemplate extends PracticeRule {
  readonly level: 2 | 3;
  /** The English meaning, as the API's `description` has always said it. */
  readonly description: string;
  readonly sql: string;
}

type PracticeSpec = Omit<PracticeTemplate, 'description' | 'threshold' | 'whenNoUnits'> &
  Partial<Pick<PracticeTemplate, 'threshold' | 'whenNoUnits'>>;

/** A practice judged against the request's threshold, failed when it has no units unless it says otherwise. */
function practice(spec: PracticeSpec): PracticeTemplate {
  return { threshold: REQUEST_THRESHOLD, whenNoUnits: 'fails', ...spec, description: spec.meaning.en };
}

const IN_WINDOW = 'occurred_at_ms >= {{from}} AND occurred_at_ms < {{to}}';

/**
 * Consultants onboarded at some instant of the window: onboarded [ConsultantOnboarded,
 * ConsultantOffboarded) meets [from, to) (docs/kpis.md "onboarded"). One offboarded exactly at
 * the window's start left before it began.
 */
const ACTIVE_CONSULTANTS = `FROM {{t:consultant_onboarded}} AS o
WHERE occurred_at_ms < {{to}} AND entity_id NOT IN (SELECT entity_id FROM {{t:consultant_offboarded}} AS f WHERE occurred_at_ms <= {{from}})`;

const ACTIVE_CONSULTANTS_TEXT = {
  en: 'consultants onboarded at some instant of the window (onboarded before it ends, not offboarded at or before it starts)',
  zh: '窗口内任一时刻在职的顾问（窗口结束前入职，且未在窗口开始时或之前离职）',
};

/** Level 3's first condition: a ProcessStandardPublished for the area by the end of the window. */
function standardPublished(area: ProcessArea): PracticeTemplate {
  return practice({
    id: `${area}.standard_published`,
    area,
    level: 3,
    meaning: {
      en: `a ProcessStandardPublished exists for ${area}, published before the window ends`,
      zh: `${AREA_NAMES[area].zh}领域在窗口结束前已发布过程标准（ProcessStandardPublished）`,
    },
    unitsOfWork: { en: 'the area itself: one unit', zh: '该领域本身：一个单位' },
    threshold: fixedThreshold(1),
    sql: `SELECT '${area}' AS unit_id, toUInt8(count() > 0) AS ok FROM {{t:process_standard_published}} AS p WHERE area = '${area}' AND occurred_at_ms < {{to}}`,
  });
}

/**
 * The checklist version current when a review was held: the highest version of the bid standard
 * published at or before it (0 when none was). Versions are the standard's own order (the domain
 * numbers them 1, 2, …); a version published with an earlier business time than the one before
 * it does not make that older one current again.
 */
const CURRENT_BID_CHECKLIST = `arrayReduce('max', arrayMap(s -> toUInt32(tupleElement(s, 2)), arrayFilter(s -> tupleElement(s, 1) <= occurred_at_ms,
  (SELECT groupArray((occurred_at_ms, standard_version)) FROM {{t:process_standard_published}} AS p WHERE area = 'bid'))))`;

export const MATURITY_PRACTICES: readonly PracticeTemplate[] = [
  // bid
  practice({
    id: 'bid.decision_recorded',
    area: 'bid',
    level: 2,
    meaning: {
      en: 'every tender received in the window has a BidDecisionMade',
      zh: '窗口内收到的每个招标都有投标决策（BidDecisionMade）',
    },
    unitsOfWork: { en: 'tenders whose TenderReceived is in the window', zh: '在窗口内收到（TenderReceived）的招标' },
    sql: `SELECT entity_id AS unit_id, toUInt8(entity_id IN (SELECT entity_id FROM {{t:bid_decision_made}} AS d)) AS ok
FROM {{t:tender_received}} AS t WHERE ${IN_WINDOW}`,
  }),
  practice({
    id: 'bid.reviewed_before_submission',
    area: 'bid',
    level: 2,
    meaning: {
      en: 'every BidSubmitted in the window has a ReviewHeld before it',
      zh: '窗口内的每次投标提交（BidSubmitted）之前都有评审（ReviewHeld）',
    },
    unitsOfWork: { en: 'tenders whose BidSubmitted is in the window', zh: '在窗口内提交投标（BidSubmitted）的招标' },
    sql: `SELECT entity_id AS unit_id, toUInt8(first_review_ms > 0 AND first_review_ms < occurred_at_ms) AS ok
FROM {{t:bid_submitted}} AS s
ANY LEFT JOIN (SELECT entity_id, min(occurred_at_ms) AS first_review_ms FROM {{t:review_held}} AS r GROUP BY entity_id) AS reviews USING entity_id
WHERE ${IN_WINDOW}`,
  }),
  standardPublished('bid'),
  practice({
    id: 'bid.reviews_cite_current_checklist',
    area: 'bid',
    level: 3,
    meaning: {
      en: 'reviews in the window cite the bid checklist version current when they were held (the highest version published by then)',
      zh: '窗口内的评审引用了评审当时现行的投标检查单版本（当时已发布的最高版本）',
    },
    unitsOfWork: { en: 'ReviewHeld events in the window', zh: '窗口内的评审（ReviewHeld）' },
    sql: `SELECT concat(entity_id, '/', review_id) AS unit_id, toUInt8(current_version > 0 AND toString(current_version) = checklist_version) AS ok
FROM (
  SELECT entity_id, review_id, checklist_version, ${CURRENT_BID_CHECKLIST} AS current_version
  FROM {{t:review_held}} AS r WHERE ${IN_WINDOW}
) AS reviews`,
  }),
  // requirements
  practice({
    id: 'requirements.fit_assessed',
    area: 'requirements',
    level: 2,
    meaning: {
      en: 'every requirement captured in the window has a RequirementFitAssessed',
      zh: '窗口内采集的每条需求都做了匹配度评估（RequirementFitAssessed）',
    },
    unitsOfWork: {
      en: 'requirements whose RequirementCaptured is in the window',
      zh: '在窗口内采集（RequirementCaptured）的需求',
    },
    sql: `SELECT concat(entity_id, '/', requirement_id) AS unit_id, toUInt8((entity_id, requirement_id) IN (SELECT entity_id, requirement_id FROM {{t:requirement_fit_assessed}} AS f)) AS ok
FROM {{t:requirement_captured}} AS c WHERE ${IN_WINDOW}`,
  }),
  standardPublished('requirements'),
  practice({
    id: 'requirements.effort_estimated',
    area: 'requirements',
    level: 3,
    meaning: {
      en: 'custom and gap fits assessed in the window carry an effort estimate',
      zh: '窗口内评估为定制或缺口的需求都附有工作量估算',
    },
    unitsOfWork: {
      en: 'RequirementFitAssessed events in the window with fit custom or gap',
      zh: '窗口内匹配度为定制（custom）或缺口（gap）的评估',
    },
    whenNoUnits: 'passes',
    sql: `SELECT concat(entity_id, '/', requirement_id) AS unit_id, toUInt8(isNotNull(effort_days)) AS ok FROM {{t:requirement_fit_assessed}} AS f WHERE fit IN ('custom', 'gap') AND ${IN_WINDOW}`,
  }),
  // solution
  practice({
    id: 'solution.technical_decision_recorded',
    area: 'solution',
    level: 2,
    meaning: {
      en: 'every opportunity won or lost in the window has a TechnicalDecisionRecorded',
      zh: '窗口内赢单或丢单的每个商机都记录了技术决策（TechnicalDecisionRecorded）',
    },
    unitsOfWork: {
      en: 'opportunities whose OpportunityWon or OpportunityLost is in the window',
      zh: '在窗口内赢单或丢单的商机',
    },
    sql: `SELECT opportunity_id AS unit_id, toUInt8(opportunity_id IN (SELECT entity_id FROM {{t:technical_decision_recorded}} AS d)) AS ok
FROM ({{closures}}) AS c WHERE outcome IN ('won', 'lost') AND closed_ms >= {{from}} AND closed_ms < {{to}}`,
  }),
  standardPublished('solution'),
  practice({
    id: 'solution.solution_review_before_submission',
    area: 'solution',
    level: 3,
    meaning: {
      en: 'every tender submitted in the window had a solution-stage ReviewHeld before its submission',
      zh: '窗口内提交的每个招标在提交前都做过方案阶段评审',
    },
    unitsOfWork: { en: 'tenders whose BidSubmitted is in the window', zh: '在窗口内提交投标（BidSubmitted）的招标' },
    sql: `SELECT entity_id AS unit_id, toUInt8(first_solution_review_ms > 0 AND first_solution_review_ms < occurred_at_ms) AS ok
FROM {{t:bid_submitted}} AS s
ANY LEFT JOIN (SELECT entity_id, min(occurred_at_ms) AS first_solution_review_ms FROM {{t:review_held}} AS r WHERE stage = 'solution' GROUP BY entity_id) AS reviews USING entity_id
WHERE ${IN_WINDOW}`,
  }),
  // resourcing
  practice({
    id: 'resourcing.time_logged',
    area: 'resourcing',
    level: 2,
    meaning: {
      en: 'every consultant onboarded during the window logs time in it',
      zh: '窗口内在职的每位顾问在窗口内都登记了工时',
    },
    unitsOfWork: ACTIVE_CONSULTANTS_TEXT,
    sql: `SELECT entity_id AS unit_id, toUInt8(entity_id IN (SELECT entity_id FROM {{t:time_logged}} AS l WHERE ${IN_WINDOW})) AS ok
${ACTIVE_CONSULTANTS}`,
  }),
  standardPublished('resourcing'),
  practice({
    id: 'resourcing.time_attributed',
    area: 'resourcing',
    level: 3,
    meaning: {
      en: 'customer-facing, solution and bid-writing time in the window names its opportunity or activity',
      zh: '窗口内的客户、方案和标书工时都注明了所属商机或活动',
    },
    unitsOfWork: {
      en: 'TimeLogged entries in the window with category customer_facing, solution or bid_writing',
      zh: '窗口内类别为客户、方案或标书编写的工时记录（TimeLogged）',
    },
    sql: `SELECT concat(entity_id, '/', entry_id) AS unit_id, toUInt8(opportunity_id != '' OR activity_id != '') AS ok
FROM {{t:time_logged}} AS l WHERE category IN ('customer_facing', 'solution', 'bid_writing') AND ${IN_WINDOW}`,
  }),
  // quotation
  practice({
    id: 'quotation.approval_requested',
    area: 'quotation',
    level: 2,
    meaning: { en: 'every quote drafted in the window went to approval', zh: '窗口内起草的每份报价都提交了审批' },
    unitsOfWork: { en: 'quotes whose QuoteDrafted is in the window', zh: '在窗口内起草（QuoteDrafted）的报价' },
    sql: `SELECT entity_id AS unit_id, toUInt8(entity_id IN (SELECT entity_id FROM {{t:quote_approval_requested}} AS r)) AS ok
FROM {{t:quote_drafted}} AS d WHERE ${IN_WINDOW}`,
  }),
  standardPublished('quotation'),
  practice({
    id: 'quotation.approved_as_requested',
    area: 'quotation',
    level: 3,
    meaning: {
      en: 'every approval in the window answers an approval request for the same revision',
      zh: '窗口内的每次批准都对应同一修订版本的审批申请',
    },
    unitsOfWork: {
      en: 'QuoteApproved events in the window (quote#revision)',
      zh: '窗口内的报价批准（QuoteApproved，报价#修订版本）',
    },
    sql: `SELECT concat(entity_id, '#', toString(revision)) AS unit_id,
  toUInt8((entity_id, revision) IN (SELECT entity_id, revision FROM {{t:quote_approval_requested}} AS r)) AS ok
FROM {{t:quote_approved}} AS a WHERE ${IN_WINDOW}`,
  }),
  // communication
  practice({
    id: 'communication.activity_closed_out',
    area: 'communication',
    level: 2,
    meaning: {
      en: 'every activity scheduled in the window was completed or cancelled',
      zh: '窗口内安排的每项活动都已完成或取消',
    },
    unitsOfWork: {
      en: 'activities whose ActivityScheduled is in the window',
      zh: '在窗口内安排（ActivityScheduled）的活动',
    },
    sql: `SELECT entity_id AS unit_id,
  toUInt8(entity_id IN (SELECT entity_id FROM {{t:activity_completed}} AS x) OR entity_id IN (SELECT entity_id FROM {{t:activity_cancelled}} AS y)) AS ok
FROM {{t:activity_scheduled}} AS s WHERE ${IN_WINDOW}`,
  }),
  standardPublished('communication'),
  practice({
    id: 'communication.activities_use_assets',
    area: 'communication',
    level: 3,
    meaning: { en: 'activities completed in the window used knowledge assets', zh: '窗口内完成的活动使用了知识资产' },
    unitsOfWork: { en: 'ActivityCompleted events in the window', zh: '窗口内的活动完成（ActivityCompleted）' },
    sql: `SELECT entity_id AS unit_id, toUInt8(length(used_asset_ids) > 0) AS ok FROM {{t:activity_completed}} AS x WHERE ${IN_WINDOW}`,
  }),
  // knowledge
  practice({
    id: 'knowledge.sections_drafted',
    area: 'knowledge',
    level: 2,
    meaning: {
      en: 'every response section assigned in the window was drafted',
      zh: '窗口内分派的每个应答章节都已起草',
    },
    unitsOfWork: {
      en: 'ResponseSectionAssigned events in the window (a section assigned twice is two units)',
      zh: '窗口内的章节分派（ResponseSectionAssigned；同一章节分派两次计为两个单位）',
    },
    sql: `SELECT concat(entity_id, '/', section_id) AS unit_id, toUInt8((entity_id, section_id) IN (SELECT entity_id, section_id FROM {{t:response_section_drafted}} AS d)) AS ok
FROM {{t:response_section_assigned}} AS a WHERE ${IN_WINDOW}`,
  }),
  standardPublished('knowledge'),
  practice({
    id: 'knowledge.sections_reuse_assets',
    area: 'knowledge',
    level: 3,
    meaning: { en: 'sections drafted in the window reuse knowledge assets', zh: '窗口内起草的章节复用了知识资产' },
    unitsOfWork: {
      en: 'ResponseSectionDrafted events in the window',
      zh: '窗口内的章节起草（ResponseSectionDrafted）',
    },
    sql: `SELECT concat(entity_id, '/', section_id) AS unit_id, toUInt8(length(reused_asset_ids) > 0) AS ok FROM {{t:response_section_drafted}} AS d WHERE ${IN_WINDOW}`,
  }),
  // collaboration
  practice({
    id: 'collaboration.requests_acknowledged',
    area: 'collaboration',
    level: 2,
    meaning: {
      en: 'every support request raised in the window was acknowledged',
      zh: '窗口内提出的每个售前支持请求都得到了响应',
    },
    unitsOfWork: {
      en: 'requests whose PresalesSupportRequested is in the window',
      zh: '在窗口内提出（PresalesSupportRequested）的支持请求',
    },
    sql: `SELECT concat(entity_id, '/', request_id) AS unit_id, toUInt8((entity_id, request_id) IN (SELECT entity_id, request_id FROM {{t:presales_support_acknowledged}} AS a)) AS ok
FROM {{t:presales_support_requested}} AS q WHERE ${IN_WINDOW}`,
  }),
  standardPublished('collaboration'),
  practice({
    id: 'collaboration.acknowledged_before_due',
    area: 'collaboration',
    level: 3,
    meaning: {
      en: 'requests acknowledged in the window were acknowledged by their due time',
      zh: '窗口内响应的请求都在截止时间前（含）得到响应',
    },
    unitsOfWork: {
      en: 'PresalesSupportAcknowledged events in the window (one without its request fails)',
      zh: '窗口内的支持响应（PresalesSupportAcknowledged；找不到对应请求的计为未达标）',
    },
    sql: `SELECT concat(entity_id, '/', request_id) AS unit_id, toUInt8(occurred_at_ms <= r_due_ms) AS ok
FROM {{t:presales_support_acknowledged}} AS a
ANY LEFT JOIN (SELECT entity_id, request_id, due_at_ms AS r_due_ms FROM {{t:presales_support_requested}} AS q) AS req USING (entity_id, request_id)
WHERE ${IN_WINDOW}`,
  }),
  // performance
  practice({
    id: 'performance.wins_attributed',
    area: 'performance',
    level: 2,
    meaning: {
      en: 'every opportunity won in the window had a consultant assigned',
      zh: '窗口内赢单的每个商机都指派过售前顾问',
    },
    unitsOfWork: {
      en: 'opportunities whose OpportunityWon is in the window',
      zh: '在窗口内赢单（OpportunityWon）的商机',
    },
    sql: `SELECT entity_id AS unit_id, toUInt8(entity_id IN (SELECT opportunity_id FROM {{t:consultant_assigned}} AS a)) AS ok
FROM {{t:opportunity_won}} AS w WHERE ${IN_WINDOW}`,
  }),
  standardPublished('performance'),
  practice({
    id: 'performance.actions_completed',
    area: 'performance',
    level: 3,
    meaning: { en: 'corrective actions due in the window were completed', zh: '窗口内到期的纠正措施都已完成' },
    unitsOfWork: { en: 'CorrectiveActionRaised with dueAt in the window', zh: '截止时间（dueAt）在窗口内的纠正措施' },
    whenNoUnits: 'passes',
    sql: `SELECT entity_id AS unit_id, toUInt8(entity_id IN (SELECT entity_id FROM {{t:corrective_action_completed}} AS c)) AS ok
FROM {{t:corrective_action_raised}} AS r WHERE due_at_ms >= {{from}} AND due_at_ms < {{to}}`,
  }),
  // people
  practice({
    id: 'people.growth_goals_set',
    area: 'people',
    level: 2,
    meaning: {
      en: 'every consultant onboarded during the window has a growth goal',
      zh: '窗口内在职的每位顾问都设定了成长目标',
    },
    unitsOfWork: ACTIVE_CONSULTANTS_TEXT,
    sql: `SELECT entity_id AS unit_id, toUInt8(entity_id IN (SELECT entity_id FROM {{t:growth_goal_set}} AS g)) AS ok
${ACTIVE_CONSULTANTS}`,
  }),
  standardPublished('people'),
  practice({
    id: 'people.skills_certified',
    area: 'people',
    level: 3,
    meaning: {
      en: 'consultants with a goal due in the window have a skill certified',
      zh: '有成长目标在窗口内到期的顾问已获得技能认证',
    },
    unitsOfWork: {
      en: 'GrowthGoalSet with dueAt in the window (consultant/goal)',
      zh: '截止时间在窗口内的成长目标（顾问/目标）',
    },
    sql: `SELECT concat(entity_id, '/', goal_id) AS unit_id, toUInt8(entity_id IN (SELECT entity_id FROM {{t:skill_certified}} AS c)) AS ok
FROM {{t:growth_goal_set}} AS g WHERE due_at_ms >= {{from}} AND due_at_ms < {{to}}`,
  }),
];
