import { Controller, ForbiddenException, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import {
  capacityPlan,
  openSupportRequests,
  readStaffingWork,
  suggestConsultants,
  type AnalyticsStore,
  type StaffingSubjectRef,
} from '@presales/analytics';
import type {
  CapacityPlanResponse,
  OpenSupportRequestsResponse,
  StaffingSuggestionsResponse,
} from '@presales/contracts';
import { validate } from '@presales/domain';
import { Allow, MANAGERS, RECORDERS } from '../auth/access/access-rule.js';
import { CurrentPrincipal } from '../auth/access/current-principal.decorator.js';
import { OpportunityInvolvement } from '../auth/involvement/opportunity-involvement.js';
import type { Principal } from '../auth/principal.js';
import { ANALYTICS_STORE, CLOCK, type Clock } from '../infrastructure/tokens.js';
import { ManagedTeams } from './managed-teams.js';
import {
  ActivityIds,
  CapacityPlanParams,
  OpenRequestsParams,
  RequestIds,
  SuggestionParams,
  WarRoomIds,
} from './staffing-params.js';
import { Published } from '../openapi/published.js';
import * as answers from '@presales/contracts/answers';

/**
 * Who should take a piece of work (docs/decisions/0032), and the weeks ahead. Sales and presales
 * see suggestions for opportunities they are involved in; managers rank their teams' consultants.
 */
@Controller('api')
export class StaffingController {
  constructor(
    @Inject(ANALYTICS_STORE) private readonly analytics: AnalyticsStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly involvement: OpportunityInvolvement,
    private readonly teams: ManagedTeams,
  ) {}

  /** The support requests waiting for a consultant: where a manager starts staffing. */
  @Get('staffing/requests')
  @Published({ query: OpenRequestsParams, response: answers.OpenSupportRequestsResponse })
  @Allow(...MANAGERS)
  async openRequests(@Query() query: unknown): Promise<OpenSupportRequestsResponse> {
    const p = validate(OpenRequestsParams, query ?? {}, 'GET /api/staffing/requests');
    return { requests: await openSupportRequests(this.analytics, p.limit) };
  }

  @Get('staffing/opportunities/:opportunityId/requests/:requestId/suggestions')
  @Published({ params: RequestIds, query: SuggestionParams, response: answers.StaffingSuggestionsResponse })
  @Allow(...RECORDERS)
  forRequest(
    @Param() params: Record<string, string>,
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffingSuggestionsResponse> {
    const where = `GET /api/staffing/opportunities/${params['opportunityId']}/requests/${params['requestId']}/suggestions`;
    const ids = validate(RequestIds, params, where);
    return this.suggest({ kind: 'request', ...ids }, query, principal, where);
  }

  @Get('staffing/activities/:activityId/suggestions')
  @Published({ params: ActivityIds, query: SuggestionParams, response: answers.StaffingSuggestionsResponse })
  @Allow(...RECORDERS)
  forActivity(
    @Param() params: Record<string, string>,
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffingSuggestionsResponse> {
    const where = `GET /api/staffing/activities/${params['activityId']}/suggestions`;
    return this.suggest({ kind: 'activity', ...validate(ActivityIds, params, where) }, query, principal, where);
  }

  @Get('staffing/war-rooms/:warRoomId/suggestions')
  @Published({ params: WarRoomIds, query: SuggestionParams, response: answers.StaffingSuggestionsResponse })
  @Allow(...RECORDERS)
  forWarRoom(
    @Param() params: Record<string, string>,
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffingSuggestionsResponse> {
    const where = `GET /api/staffing/war-rooms/${params['warRoomId']}/suggestions`;
    return this.suggest({ kind: 'war_room', ...validate(WarRoomIds, params, where) }, query, principal, where);
  }

  /** The next weeks of committed load against capacity per team and product line; a manager's own teams. */
  @Get('capacity-plan')
  @Published({ query: CapacityPlanParams, response: answers.CapacityPlanResponse })
  @Allow(...MANAGERS)
  async plan(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<CapacityPlanResponse> {
    const where = 'GET /api/capacity-plan';
    const p = validate(CapacityPlanParams, query ?? {}, where);
    const own = await this.teams.of(principal);
    if (p.teamId !== undefined && own !== undefined && !own.has(p.teamId)) {
      throw new ForbiddenException(`${where}: manager ${principal.id} does not manage team ${p.teamId}`);
    }
    return capacityPlan(this.analytics, {
      now: this.clock(),
      weeks: p.weeks,
      teamIds: own,
      ...(p.teamId === undefined ? {} : { teamId: p.teamId }),
      ...(p.productLine === undefined ? {} : { productLine: p.productLine }),
    });
  }

  private async suggest(
    ref: StaffingSubjectRef,
    query: unknown,
    principal: Principal,
    where: string,
  ): Promise<StaffingSuggestionsResponse> {
    const p = validate(SuggestionParams, query ?? {}, where);
    const now = this.clock();
    const work = await readStaffingWork(this.analytics, ref, now);
    if (work === null) throw new NotFoundException(`${where}: no ${ref.kind.replace('_', ' ')} by that id is recorded`);
    await this.involvement.require(principal, work.opportunityId, where);
    const teamIds = await this.teams.of(principal);
    return suggestConsultants(this.analytics, work, {
      now,
      limit: p.limit,
      ...(teamIds === undefined ? {} : { teamIds }),
      ...(p.skills === undefined ? {} : { skills: p.skills }),
      ...(p.pct === undefined ? {} : { neededPct: p.pct }),
      ...(p.weeks === undefined ? {} : { weeks: p.weeks }),
    });
  }
}
