import { say, type Bilingual } from './bilingual.js';

/**
 * What a column holds, by its name: the projector names a field the same way in every fact table
 * (fact-columns.ts), so one glossary covers them. `<time>_ms` and `<money>_currency` columns are
 * derived from their base column's meaning (columnMeaning); `TABLE_COLUMN_MEANINGS` overrides a
 * name that means something else in one table.
 */
export const COLUMN_MEANINGS: Readonly<Record<string, Bilingual>> = {
  // The envelope every fact table carries (fact-table.ts) and the events table.
  position: say(
    'Position of the event in the whole log ($all): the order it was recorded in',
    '事件在整个日志（$all）中的位置，即记录顺序',
  ),
  event_id: say("The event's unique id", '事件的唯一标识'),
  entity_id: say(
    'Id of the record the event belongs to: its stream name after "<category>-"',
    '事件所属记录的标识：流名称中“<类别>-”之后的部分',
  ),
  occurred_at: say('When it happened in the business (UTC)', '业务上发生的时间（UTC）'),
  recorded_at: say(
    'When the platform recorded it (UTC); what "as of" reads',
    '平台记录的时间（UTC），“截至”查询依据此列',
  ),
  actor_id: say('Who recorded it: the signed-in person or service', '记录者：已登录的人员或服务'),
  version: say(
    'The log position this row was written from; FINAL keeps the row with the highest',
    '写入此行时的日志位置；FINAL 保留最大值所在行',
  ),
  stream_id: say('The stream the event was appended to, e.g. tender-T-1', '事件追加到的流，如 tender-T-1'),
  stream_category: say(
    'The kind of record: the stream name before the first "-"',
    '记录类别：流名称中第一个“-”之前的部分',
  ),
  revision: say("The event's number within its stream, from 0", '事件在其流中的序号，从 0 开始'),
  type: say('The event type, e.g. TenderReceived', '事件类型，如 TenderReceived'),
  actor_role: say('The role the actor acted in', '记录者当时的角色'),
  schema_version: say("Version of the event's payload schema", '事件负载结构的版本'),
  data: say('The payload as JSON text (read it with JSONExtract…)', 'JSON 文本形式的负载（可用 JSONExtract… 读取）'),
  hash: say("The event's link in its stream's hash chain (tamper evidence)", '事件在其流哈希链中的一环（防篡改证据）'),
  subscriber: say('Name of the projector that reads the log', '读取日志的投影器名称'),
  id: say('Number of the schema change', '结构变更的编号'),
  applied_at: say('When the schema change was applied (UTC)', '结构变更的应用时间（UTC）'),

  // Ids of the domain's records.
  opportunity_id: say('Id of the opportunity (商机)', '商机标识'),
  tender_id: say('Id of the tender', '招标标识'),
  quote_id: say('Id of the quote', '报价标识'),
  activity_id: say('Id of the presales activity', '售前活动标识'),
  consultant_id: say('Id of the consultant', '顾问标识'),
  team_id: say('Id of the team', '团队标识'),
  war_room_id: say('Id of the war room', '作战室标识'),
  asset_id: say('Id of the knowledge asset', '知识资产标识'),
  gap_id: say('Id of the product gap', '产品差距标识'),
  request_id: say('Id of the support request', '支持申请标识'),
  requirement_id: say('Id of the requirement', '需求标识'),
  section_id: say('Id of the response section', '投标文件章节标识'),
  review_id: say('Id of the review', '评审标识'),
  question_id: say('Id of the clarification question', '澄清问题标识'),
  assignment_id: say('Id of the assignment', '分派标识'),
  load_hundredths: say(
    "Change of the consultant's committed load that week, in hundredths of a percent (negative for a release)",
    '该周顾问已承诺负荷的变化，单位为百分之一个百分点（释放为负）',
  ),
  entry_id: say('Id of the time entry', '工时记录标识'),
  goal_id: say('Id of the growth goal', '成长目标标识'),
  kpi_id: say('Id of the KPI', 'KPI 标识'),
  action_id: say('Id of the corrective action', '纠正措施标识'),

  // People.
  sales_owner_id: say('The salesperson who owns the opportunity', '商机的销售负责人'),
  requested_by: say('Who asked for support', '申请支持的人'),
  assignee_id: say('Who the section is given to', '章节的负责人'),
  author_id: say('Who drafted the section', '章节的撰写人'),
  reviewer_ids: say('Who reviewed', '评审人列表'),
  approver_id: say('Who approved or rejected', '审批人'),
  consultant_ids: say('The consultants taking part', '参与的顾问列表'),
  manager_id: say("The team's manager", '团队经理'),
  commander_id: say("The war room's commander", '作战室指挥官'),
  member_ids: say('The members', '成员列表'),
  owner_id: say('Who owns it', '负责人'),
  awarded_to: say('Who the tender was awarded to', '中标方'),

  // Opportunities.
  name: say('Name', '名称'),
  customer: say('The customer', '客户'),
  industry: say("The customer's industry", '客户所属行业'),
  region: say('The sales region', '销售区域'),
  product_lines: say('Product lines concerned', '涉及的产品线'),
  product_line: say('The product line', '产品线'),
  project_type: say('Kind of project (project, product, service…)', '项目类型（项目、产品、服务等）'),
  estimated_value: say('Estimated value of the deal (amount)', '商机预估金额'),
  from_stage: say('The sales stage it left', '变更前的销售阶段'),
  to_stage: say('The sales stage it entered', '变更后的销售阶段'),
  kind: say('Kind (of tender, support request, activity or asset)', '类型（招标、支持申请、活动或资产的类型）'),
  requested_at_ms: say(
    'When the support request was made, epoch milliseconds (UTC)',
    '提出支持申请的时间，Unix 毫秒（UTC）',
  ),
  request_kind: say('Kind of the support request answered', '所受理支持申请的类型'),
  request_product_line: say('Product line of the support request answered', '所受理支持申请的产品线'),
  title: say('Title', '标题'),
  category: say('Category', '类别'),
  priority: say('Priority (must, should, could…)', '优先级（必须、应该、可以等）'),
  source: say('Where the requirement came from', '需求来源'),
  fit: say('How well the product fits (full, partial, gap…)', '产品满足程度（完全、部分、差距等）'),
  effort_days: say('Estimated effort to close the gap, in days', '弥补差距的预估工作量（天）'),
  outcome: say('Outcome', '结果'),
  reason: say('Reason given', '给出的原因'),
  amount: say('Contracted amount of the won deal', '赢单的合同金额'),
  competitor: say('The competitor who won', '赢得该商机的竞争对手'),
  product_gap_ids: say('Product gaps that cost the deal', '导致丢单的产品差距'),

  // Tenders.
  issuer: say('Who issued the tender', '发标方'),
  deadline: say('Submission deadline (UTC)', '投标截止时间（UTC）'),
  decision: say('Bid or no-bid', '投标或不投标'),
  rationale: say('Why that decision', '决策理由'),
  score: say('Score of the bid / no-bid assessment', '投标评估得分'),
  due_at: say('When it is due (UTC)', '到期时间（UTC）'),
  reused_asset_ids: say('Knowledge assets reused in the draft', '初稿中复用的知识资产'),
  stage: say('Stage of the review', '评审阶段'),
  checklist_version: say('Version of the checklist the review used', '评审所用检查单的版本'),
  findings: say('What the review found', '评审发现'),
  document_sha256: say('SHA-256 of the submitted document', '所递交文件的 SHA-256'),
  channel: say('How the bid was submitted (portal, email, in person…)', '递交方式（平台、邮件、现场等）'),
  receipt_ref: say("The issuer's receipt reference", '发标方回执编号'),
  tender_deadline_ms: say(
    "The tender's deadline, epoch milliseconds (UTC), copied from TenderReceived",
    '招标截止时间，Unix 毫秒（UTC），取自 TenderReceived',
  ),
  tender_received_at_ms: say(
    'When the tender was received, epoch milliseconds (UTC)',
    '收到招标的时间，Unix 毫秒（UTC）',
  ),
  question: say('The question asked', '提出的问题'),
  awarded_amount: say('Amount awarded', '中标金额'),

  // Quotes.
  currency: say('Currency of the quote', '报价币种'),
  lines: say('The quote lines as JSON text', 'JSON 文本形式的报价行'),
  line_count: say('Number of quote lines', '报价行数'),
  total: say('Total price of the lines', '报价行总价'),
  cost: say('Total cost of the lines', '报价行总成本'),
  margin_pct: say('Margin in percent', '毛利率（百分比）'),
  contracted_amount: say('Amount contracted', '合同金额'),

  // Activities.
  scheduled_for: say('When the activity is planned (UTC)', '活动计划时间（UTC）'),
  planned_hours: say('Hours planned', '计划工时'),
  actual_hours: say('Hours spent', '实际工时'),
  customer_satisfaction: say('Customer satisfaction score', '客户满意度评分'),
  poc_criteria_met: say('PoC success criteria met', '已达成的 PoC 成功标准数'),
  poc_criteria_total: say('PoC success criteria in all', 'PoC 成功标准总数'),
  used_asset_ids: say('Knowledge assets used', '使用的知识资产'),
  activity_kind: say('Kind of the activity completed', '所完成活动的类型'),

  // Consultants and organisation.
  level: say('Level', '级别'),
  skills: say('Skills', '技能'),
  weekly_capacity_hours: say('Hours a week the consultant can work', '顾问每周可用工时'),
  hourly_cost: say('Cost of an hour', '每小时成本'),
  role: say('Role in the assignment', '在分派中的角色'),
  allocation_pct: say('Share of working time, in percent', '投入时间比例（百分比）'),
  from_at: say('Start of the assignment (UTC)', '分派开始时间（UTC）'),
  to_at: say('End of the assignment (UTC)', '分派结束时间（UTC）'),
  assignment_allocation_pct: say(
    'Share of time of the assignment released, in percent',
    '被释放分派的投入比例（百分比）',
  ),
  assignment_from_ms: say(
    'Start of the assignment released, epoch milliseconds (UTC)',
    '被释放分派的开始时间，Unix 毫秒（UTC）',
  ),
  assignment_to_ms: say(
    'End of the assignment released, epoch milliseconds (UTC)',
    '被释放分派的结束时间，Unix 毫秒（UTC）',
  ),
  work_date: say('Day the hours were worked (UTC)', '工作日期（UTC）'),
  hours: say('Hours logged', '登记工时'),
  skill: say('The skill', '技能'),
  target_level: say('Level aimed at', '目标级别'),

  // Knowledge, gaps, standards.
  asset_version: say('Version of the asset', '资产版本'),
  summary: say('What changed', '变更摘要'),
  severity: say('How severe the gap is', '差距严重程度'),
  release: say('Product release that closed the gap', '关闭差距的产品版本'),
  area: say('Process area of the standard', '标准所属流程领域'),
  standard_version: say('Version of the standard', '标准版本'),
  checklist: say('The checklist as JSON text', 'JSON 文本形式的检查单'),
  checklist_items: say('Number of checklist items', '检查单条目数'),

  // KPIs and PDCA.
  definition_version: say('Version of the KPI definition', 'KPI 定义版本'),
  definition: say(
    'The KPI definition as JSON text (its SQL, unit, direction…)',
    'JSON 文本形式的 KPI 定义（SQL、单位、方向等）',
  ),
  period: say('The period, e.g. 2026-Q1', '周期，如 2026-Q1'),
  scope_kind: say('Kind of scope (company, team, consultant…)', '范围类型（公司、团队、顾问等）'),
  scope_id: say('Id within the scope kind', '范围内的标识'),
  target: say('The target value', '目标值'),
  root_cause: say('The root cause found', '找到的根因'),
  action: say('What will be done', '将采取的措施'),
  result: say('What was done', '执行结果'),
  effective: say('1 if the action worked, else 0', '措施有效为 1，否则为 0'),
  measured_delta: say('Change measured in the KPI', 'KPI 测得的变化'),
};

/** A name that means something else in one table, as `<table>.<column>`. */
export const TABLE_COLUMN_MEANINGS: Readonly<Record<string, Bilingual>> = {
  'events.position': say('Position of the event in the whole log ($all)', '事件在整个日志（$all）中的位置'),
  'projection_checkpoints.position': say(
    'The last log position the projector has written',
    '投影器已写入的最后日志位置',
  ),
  'schema_migrations.name': say('Name of the schema change', '结构变更名称'),
  'quote_revised.revision': say('Number of the quote revision', '报价修订版本号'),
  'quote_approval_requested.revision': say('Revision of the quote sent for approval', '提交审批的报价版本'),
  'quote_approved.revision': say('Revision of the quote approved', '审批通过的报价版本'),
  'quote_approval_rejected.revision': say('Revision of the quote rejected', '被驳回的报价版本'),
  'quote_sent_to_customer.revision': say('Revision of the quote sent', '发送的报价版本'),
  'quote_accepted.revision': say('Revision of the quote accepted', '被接受的报价版本'),
  'quote_approval_requested.margin_pct': say('Margin of the revision, in percent', '该版本的毛利率（百分比）'),
  'quote_approved.margin_pct': say('Margin approved, in percent', '审批通过的毛利率（百分比）'),
  'opportunity_lost.estimated_value': say(
    "The lost opportunity's estimated value, copied from its registration",
    '丢单商机的预估金额，取自商机登记',
  ),
  'skill_certified.level': say('Level certified', '认证级别'),
  'consultant_onboarded.level': say("The consultant's grade", '顾问职级'),
  'war_room_opened.allocation_pct': say(
    "Share of the members' time the war room takes, in percent",
    '作战室占用成员时间的比例（百分比）',
  ),
  'consultant_week_load.monday_ms': say(
    'The Monday (00:00 UTC) the week starts on, as epoch milliseconds',
    '该周起始的周一（UTC 0 点），Unix 毫秒',
  ),
  'consultant_week_load.position': say(
    'Position of the assignment or release event the row comes from',
    '该行来源的分派或释放事件在日志中的位置',
  ),
  'time_logged.category': say('What the hours were spent on', '工时类别'),
  'requirement_captured.category': say(
    'Kind of requirement (functional, non-functional…)',
    '需求类别（功能、非功能等）',
  ),
  'time_logged.opportunity_id': say('The opportunity worked on, if any', '相关商机（如有）'),
  'time_logged.activity_id': say('The activity worked on, if any', '相关活动（如有）'),
  'activity_completed.consultant_ids': say(
    'The consultants who took part, copied from ActivityScheduled',
    '参与的顾问列表，取自 ActivityScheduled',
  ),
  'activity_completed.opportunity_id': say(
    "The activity's opportunity, copied from ActivityScheduled",
    '活动所属商机，取自 ActivityScheduled',
  ),
};

/** `<time>_ms` and `<money>_currency` columns, said once from their base column. */
const DERIVED: readonly { readonly suffix: string; readonly meaning: (base: Bilingual) => Bilingual }[] = [
  { suffix: '_ms', meaning: (base) => say(`${base.en}, as epoch milliseconds`, `${base['zh-CN']}，Unix 毫秒`) },
  { suffix: '_currency', meaning: (base) => say(`Currency of: ${base.en}`, `币种：${base['zh-CN']}`) },
];

/** The meaning of a column of a table, or undefined when none is written down (a test refuses that). */
export function columnMeaning(table: string, column: string): Bilingual | undefined {
  const own = TABLE_COLUMN_MEANINGS[`${table}.${column}`] ?? COLUMN_MEANINGS[column];
  if (own !== undefined) return own;
  for (const { suffix, meaning } of DERIVED) {
    if (!column.endsWith(suffix)) continue;
    const base = column.slice(0, -suffix.length);
    const baseMeaning = TABLE_COLUMN_MEANINGS[`${table}.${base}`] ?? COLUMN_MEANINGS[base];
    if (baseMeaning !== undefined) return meaning(baseMeaning);
  }
  return undefined;
}
