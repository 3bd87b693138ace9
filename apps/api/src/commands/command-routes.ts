import type { StreamCategory } from '@presales/domain';
import type { UserRole } from '../auth/roles.js';

/**
 * Which facts limit a sales or presales caller: those of an opportunity they are involved in,
 * their own consultant record, or none (open to every role the route allows).
 */
export type Involvement = 'opportunity' | 'own-consultant' | 'none';

/** One command of the domain as an HTTP route. */
export interface CommandRoute {
  /** The domain's command name; also the route's OpenAPI operationId. */
  readonly command: string;
  readonly category: StreamCategory;
  /** Resource path under /api: `tenders`. */
  readonly resource: string;
  /** What follows `/{id}/`; undefined for the command that creates the aggregate (id in the body). */
  readonly action: string | undefined;
  readonly roles: readonly UserRole[];
  readonly involvement: Involvement;
  readonly summary: string;
}

const RECORDERS: readonly UserRole[] = ['sales', 'presales', 'manager', 'admin'];
const PRESALES: readonly UserRole[] = ['presales', 'manager', 'admin'];
const MANAGERS: readonly UserRole[] = ['manager', 'admin'];

type Row = readonly [
  command: string,
  action: string | undefined,
  roles: readonly UserRole[],
  involvement: Involvement,
  summary: string,
];

function resource(category: StreamCategory, path: string, rows: readonly Row[]): CommandRoute[] {
  return rows.map(([command, action, roles, involvement, summary]) => ({
    command,
    category,
    resource: path,
    action,
    roles,
    involvement,
    summary,
  }));
}

/**
 * Every command of libs/domain but two with routes of their own (ReceiveTender is
 * `POST /api/tenders`, PublishKpiDefinition `POST /api/kpis/:id/versions`), one table: the
 * generic controller, the role matrix, the docs and the OpenAPI document are generated from it.
 * A test fails when the domain has a command that is in neither.
 */
export const COMMAND_ROUTES: readonly CommandRoute[] = [
  ...resource('opportunity', 'opportunities', [
    ['RegisterOpportunity', undefined, ['sales', 'manager', 'admin'], 'none', 'register an opportunity'],
    ['ChangeOpportunityStage', 'stage-changes', RECORDERS, 'opportunity', 'move an opportunity to another stage'],
    [
      'RequestPresalesSupport',
      'support-requests',
      RECORDERS,
      'opportunity',
      'ask presales for support (demo, PoC, RFP, …)',
    ],
    ['AcknowledgePresalesSupport', 'support-acknowledgements', PRESALES, 'none', 'acknowledge a support request'],
    ['CaptureRequirement', 'requirements', RECORDERS, 'opportunity', 'capture a customer requirement'],
    [
      'AssessRequirementFit',
      'requirement-assessments',
      PRESALES,
      'opportunity',
      'assess how the product fits a requirement',
    ],
    [
      'RecordTechnicalDecision',
      'technical-decisions',
      RECORDERS,
      'opportunity',
      "record the customer's technical decision",
    ],
    ['WinOpportunity', 'wins', ['sales', 'manager', 'admin'], 'opportunity', 'record the opportunity as won'],
    [
      'LoseOpportunity',
      'losses',
      ['sales', 'manager', 'admin'],
      'opportunity',
      'record the opportunity as lost, with the reason',
    ],
    [
      'QualifyOutOpportunity',
      'qualify-outs',
      ['sales', 'manager', 'admin'],
      'opportunity',
      'qualify the opportunity out',
    ],
  ]),
  ...resource('tender', 'tenders', [
    ['MakeBidDecision', 'bid-decisions', RECORDERS, 'opportunity', 'decide to bid or not'],
    [
      'AssignResponseSection',
      'section-assignments',
      RECORDERS,
      'opportunity',
      'assign a response section with its due date',
    ],
    ['DraftResponseSection', 'section-drafts', PRESALES, 'opportunity', 'record a drafted response section'],
    ['HoldReview', 'reviews', RECORDERS, 'opportunity', 'hold a review of the response'],
    ['SubmitBid', 'submissions', RECORDERS, 'opportunity', "record the bid's submission"],
    ['RequestBidClarification', 'clarification-requests', RECORDERS, 'opportunity', 'record a clarification question'],
    ['AnswerBidClarification', 'clarification-answers', RECORDERS, 'opportunity', 'record a clarification answer'],
    ['WithdrawBid', 'withdrawals', RECORDERS, 'opportunity', 'withdraw the bid'],
    ['RecordBidOutcome', 'outcomes', RECORDERS, 'opportunity', "record the tender's outcome"],
  ]),
  ...resource('quote', 'quotes', [
    ['DraftQuote', undefined, RECORDERS, 'opportunity', 'draft a quote'],
    ['ReviseQuote', 'revisions', RECORDERS, 'opportunity', "revise a quote's lines"],
    ['RequestQuoteApproval', 'approval-requests', RECORDERS, 'opportunity', 'ask for approval of a revision'],
    ['ApproveQuote', 'approvals', MANAGERS, 'none', 'approve a revision'],
    ['RejectQuoteApproval', 'approval-rejections', MANAGERS, 'none', 'reject a revision'],
    ['SendQuoteToCustomer', 'sendings', RECORDERS, 'opportunity', 'send the approved quote to the customer'],
    ['AcceptQuote', 'acceptances', RECORDERS, 'opportunity', "record the customer's acceptance"],
    ['DeclineQuote', 'declines', RECORDERS, 'opportunity', "record the customer's decline"],
  ]),
  ...resource('activity', 'activities', [
    ['ScheduleActivity', undefined, RECORDERS, 'opportunity', 'schedule a customer activity (demo, workshop, PoC, …)'],
    ['CompleteActivity', 'completions', RECORDERS, 'opportunity', 'record an activity as held, with satisfaction'],
    ['CancelActivity', 'cancellations', RECORDERS, 'opportunity', 'cancel an activity'],
  ]),
  ...resource('consultant', 'consultants', [
    ['OnboardConsultant', undefined, MANAGERS, 'none', 'onboard a consultant'],
    ['AssignConsultant', 'assignments', MANAGERS, 'none', 'assign a consultant to an opportunity'],
    ['ReleaseConsultant', 'releases', MANAGERS, 'none', 'end an assignment'],
    ['LogTime', 'time-entries', PRESALES, 'own-consultant', 'log time (presales: on their own record)'],
    ['CertifySkill', 'certifications', MANAGERS, 'none', 'certify a skill at a level'],
    ['SetGrowthGoal', 'growth-goals', MANAGERS, 'none', 'set a growth goal'],
    ['AchieveGrowthGoal', 'growth-goal-achievements', MANAGERS, 'none', 'record a growth goal as achieved'],
    ['OffboardConsultant', 'offboardings', MANAGERS, 'none', 'offboard a consultant'],
  ]),
  ...resource('team', 'teams', [
    ['FormTeam', undefined, MANAGERS, 'none', 'form a team'],
    ['AddTeamMember', 'members', MANAGERS, 'none', 'add a member'],
    ['RemoveTeamMember', 'member-removals', MANAGERS, 'none', 'remove a member'],
  ]),
  ...resource('warroom', 'war-rooms', [
    ['OpenWarRoom', undefined, MANAGERS, 'none', 'open a war room for a big bid'],
    ['JoinWarRoom', 'joins', MANAGERS, 'none', 'bring a consultant into the war room'],
    ['LeaveWarRoom', 'leaves', MANAGERS, 'none', 'let a consultant leave the war room'],
    ['CloseWarRoom', 'closures', MANAGERS, 'none', 'close the war room'],
  ]),
  ...resource('asset', 'assets', [
    ['PublishKnowledgeAsset', undefined, PRESALES, 'none', 'publish a knowledge asset'],
    ['ReviseKnowledgeAsset', 'revisions', PRESALES, 'none', 'revise a knowledge asset'],
    ['RetireKnowledgeAsset', 'retirements', MANAGERS, 'none', 'retire a knowledge asset'],
  ]),
  ...resource('gap', 'product-gaps', [
    ['IdentifyProductGap', undefined, RECORDERS, 'none', 'record a product gap'],
    ['CloseProductGap', 'closures', MANAGERS, 'none', 'close a product gap'],
  ]),
  ...resource('process', 'process-standards', [
    [
      'PublishProcessStandard',
      undefined,
      MANAGERS,
      'none',
      "publish a process area's standard (a new checklist version)",
    ],
  ]),
  ...resource('kpi', 'kpis', [
    ['SetKpiTarget', 'targets', MANAGERS, 'none', 'set a KPI target for a period and scope'],
  ]),
  ...resource('action', 'corrective-actions', [
    ['RaiseCorrectiveAction', undefined, MANAGERS, 'none', 'raise a corrective action on a KPI'],
    ['CompleteCorrectiveAction', 'completions', PRESALES, 'none', 'record a corrective action as done'],
    ['VerifyCorrectiveAction', 'verifications', MANAGERS, 'none', 'verify whether a corrective action worked'],
  ]),
];

/** Commands with a route of their own, outside the table. */
export const COMMANDS_WITH_OWN_ROUTES: readonly string[] = ['ReceiveTender', 'PublishKpiDefinition'];

/** ReceiveTender, which `POST /api/tenders` (receivedAt in its body) sends through the same handler as the table's commands. */
export const RECEIVE_TENDER_ROUTE: CommandRoute = {
  command: 'ReceiveTender',
  category: 'tender',
  resource: 'tenders',
  action: undefined,
  roles: RECORDERS,
  involvement: 'opportunity',
  summary: 'record a tender received',
};

/** `/api/tenders/:tenderId/submissions`, or `/api/tenders` for a creating command. */
export function commandPath(route: CommandRoute, idField: string): string {
  return route.action === undefined ? `/api/${route.resource}` : `/api/${route.resource}/:${idField}/${route.action}`;
}
