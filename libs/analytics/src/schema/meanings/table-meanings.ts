import { say, type Bilingual } from './bilingual.js';

/**
 * What one row of each analytics table is. A fact table holds one row per event of its type
 * (decision 0010); a test holds this list to the tables the projector creates, both ways.
 */
export const TABLE_MEANINGS: Readonly<Record<string, Bilingual>> = {
  events: say(
    'Every recorded event: its envelope, and its payload as JSON text',
    '每条已记录的事件：事件信封，以及 JSON 文本形式的负载',
  ),
  projection_checkpoints: say(
    'How far each projector has read the event log (the highest position per subscriber is current)',
    '各投影器读到事件日志的位置（每个订阅者的最大位置为当前值）',
  ),
  schema_migrations: say('The analytics schema changes applied to this store', '本存储已应用的分析库结构变更'),

  opportunity_registered: say(
    'An opportunity registered: customer, industry, region, product lines, estimated value',
    '商机登记：客户、行业、区域、产品线、预估金额',
  ),
  opportunity_stage_changed: say(
    'An opportunity moved from one sales stage to another',
    '商机从一个销售阶段进入另一个阶段',
  ),
  presales_support_requested: say('Sales asked presales for support on an opportunity', '销售为某商机申请售前支持'),
  presales_support_acknowledged: say(
    'Presales accepted a support request and named a consultant',
    '售前受理支持申请并指派顾问',
  ),
  requirement_captured: say("A customer's requirement written down", '记录客户的一条需求'),
  requirement_fit_assessed: say(
    'How well the product fits a requirement, and the gap if any',
    '产品对需求的满足程度，以及存在的差距',
  ),
  technical_decision_recorded: say('A technical decision taken on an opportunity', '商机上做出的技术决策'),
  opportunity_won: say('An opportunity won, with the contracted amount', '商机赢单及合同金额'),
  opportunity_lost: say('An opportunity lost, with the reason and the competitor', '商机丢单及原因和竞争对手'),
  opportunity_qualified_out: say('An opportunity dropped after qualification', '经评估后放弃的商机'),

  tender_received: say(
    'A tender (RFI, RFP, RFQ or tender) received, with its issuer and deadline',
    '收到招标文件（RFI、RFP、RFQ 或招标），含发标方和截止时间',
  ),
  bid_decision_made: say('The bid / no-bid decision on a tender', '对招标是否投标的决策'),
  response_section_assigned: say(
    'A section of the bid response given to someone, with its due time',
    '投标文件的某一章节分派给某人，含到期时间',
  ),
  response_section_drafted: say(
    'A section of the bid response drafted, with the knowledge assets it reused',
    '投标文件章节完成初稿，含复用的知识资产',
  ),
  review_held: say(
    'A review of the bid response (stage, reviewers, outcome, findings)',
    '投标文件评审（阶段、评审人、结论、发现）',
  ),
  bid_submitted: say(
    "A bid submitted: channel, receipt, and the tender's deadline for the on-time check",
    '已递交投标：渠道、回执，以及用于准时校验的招标截止时间',
  ),
  bid_clarification_requested: say('The issuer asked a clarification question about a bid', '发标方就投标提出澄清问题'),
  bid_clarification_answered: say('A clarification question answered', '澄清问题已答复'),
  bid_withdrawn: say('A bid withdrawn, with the reason', '撤回投标及原因'),
  bid_outcome_recorded: say(
    'The result of a tender: won or lost, who was awarded and how much',
    '招标结果：中标或落标、中标方及金额',
  ),

  quote_drafted: say('A quote drafted: lines, total, cost, margin', '起草报价：报价行、总价、成本、毛利率'),
  quote_revised: say('A quote revised: new lines, total, cost, margin', '修订报价：新的报价行、总价、成本、毛利率'),
  quote_approval_requested: say('Approval of a quote requested', '申请报价审批'),
  quote_approved: say('A quote approved, and by whom', '报价已审批通过及审批人'),
  quote_approval_rejected: say('A quote approval rejected, with the reason', '报价审批被驳回及原因'),
  quote_sent_to_customer: say('A quote sent to the customer', '报价已发送给客户'),
  quote_accepted: say('A quote accepted by the customer', '客户接受报价'),
  quote_declined: say('A quote declined by the customer, with the reason', '客户拒绝报价及原因'),

  activity_scheduled: say(
    'A presales activity (demo, PoC, workshop…) scheduled',
    '安排一次售前活动（演示、PoC、研讨会等）',
  ),
  activity_completed: say(
    'A presales activity done: hours, satisfaction, PoC criteria met',
    '售前活动完成：工时、满意度、PoC 达标项',
  ),
  activity_cancelled: say('A presales activity cancelled, with the reason', '售前活动取消及原因'),

  consultant_onboarded: say(
    'A presales consultant joined: team, level, skills, capacity, cost',
    '售前顾问入职：团队、级别、技能、产能、成本',
  ),
  consultant_assigned: say(
    'A consultant assigned to an opportunity, with role, share of time and dates',
    '顾问被分派到商机，含角色、投入比例和起止日期',
  ),
  consultant_released: say('A consultant released from an assignment', '顾问从某项分派中释放'),
  consultant_week_load: say(
    "A consultant's committed load by week from assignments: each assignment adds its allocation on every Monday it covers, its release takes it back from then on; sum load_hundredths per consultant and Monday (FINAL)",
    '按周的顾问已承诺负荷（来自分派）：分派在其覆盖的每个周一计入分配比例，释放后从该周起扣回；按顾问和周一对 load_hundredths 求和（FINAL）',
  ),
  time_logged: say('Hours a consultant logged on a day', '顾问某天登记的工时'),
  skill_certified: say('A skill certified for a consultant, at a level', '顾问某项技能获得某级认证'),
  growth_goal_set: say("A consultant's growth goal set, with the target level", '为顾问设定成长目标及目标级别'),
  growth_goal_achieved: say('A growth goal achieved', '成长目标已达成'),
  consultant_offboarded: say('A consultant left, with the reason', '顾问离职及原因'),

  team_formed: say('A presales team formed, with its manager', '组建售前团队及其经理'),
  team_member_added: say('A consultant added to a team', '顾问加入团队'),
  team_member_removed: say('A consultant removed from a team', '顾问离开团队'),
  war_room_opened: say(
    'A war room opened for an opportunity, with its commander and members',
    '为商机开设作战室，含指挥官和成员',
  ),
  war_room_member_joined: say('A consultant joined a war room', '顾问加入作战室'),
  war_room_member_left: say('A consultant left a war room', '顾问离开作战室'),
  war_room_closed: say('A war room closed, with the outcome', '作战室关闭及结果'),

  knowledge_asset_published: say(
    'A knowledge asset (solution, case, template…) published',
    '发布知识资产（方案、案例、模板等）',
  ),
  knowledge_asset_revised: say('A new version of a knowledge asset', '知识资产的新版本'),
  knowledge_asset_retired: say('A knowledge asset retired, with the reason', '知识资产下架及原因'),
  product_gap_identified: say('A gap between what customers need and the product', '发现客户需求与产品之间的差距'),
  product_gap_closed: say('A product gap closed, and in which release', '产品差距已关闭及所在版本'),
  process_standard_published: say(
    'A presales process standard published, with its checklist',
    '发布售前流程标准及其检查单',
  ),

  kpi_definition_published: say(
    'A KPI definition published (its SQL and rules), as a new version',
    '发布 KPI 定义（SQL 与规则）的新版本',
  ),
  kpi_target_set: say('A KPI target set for a period and scope', '为某周期和范围设定 KPI 目标'),
  corrective_action_raised: say(
    'A corrective action raised on a KPI off target (PDCA)',
    '针对未达标 KPI 发起纠正措施（PDCA）',
  ),
  corrective_action_completed: say('A corrective action done, with its result', '纠正措施完成及结果'),
  corrective_action_verified: say(
    'A corrective action verified: effective or not, and the measured change',
    '纠正措施验证：是否有效及测得的变化',
  ),
};
