import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CommandBus } from '@nestjs/cqrs';
import type { ProjectionView } from '@presales/analytics';
import type { RecordTenderRequest, RecordTenderResponse } from '@presales/contracts';
import type { z } from 'zod';
import { IsoUtcTime, ReceiveTenderData, validate } from '@presales/domain';
import { Allow, RECORDERS } from '../auth/access/access-rule.js';
import { CurrentPrincipal } from '../auth/access/current-principal.decorator.js';
import { OpportunityInvolvement } from '../auth/involvement/opportunity-involvement.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { projectionWaitMs } from '../infrastructure/read-your-writes.js';
import { CLOCK, PROJECTOR, type Clock } from '../infrastructure/tokens.js';
import { RECEIVE_TENDER_ROUTE } from '../commands/command-routes.js';
import { ExecuteDomainCommand } from '../commands/execute-domain-command.command.js';
import { Published } from '../openapi/published.js';
import * as answers from '@presales/contracts/answers';

const RecordTenderBody = ReceiveTenderData.extend({
  receivedAt: IsoUtcTime.optional().meta({
    description: 'when the tender was received (business time, UTC, Z); default: now',
  }),
});

/**
 * The dashboard's request type (libs/contracts stays free of the domain, so it is written there
 * by hand) is this body, field for field: the build fails when either drifts from the other.
 */
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const REQUEST_IS_THE_BODY: SameShape<RecordTenderRequest, z.input<typeof RecordTenderBody>> = true;
void REQUEST_IS_THE_BODY;

@Controller('api/tenders')
export class TendersController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(PROJECTOR) private readonly projector: ProjectionView,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly involvement: OpportunityInvolvement,
  ) {}

  @Post()
  @HttpCode(201)
  @Allow(...RECORDERS)
  @Published({
    operationId: 'ReceiveTender',
    summary: RECEIVE_TENDER_ROUTE.summary,
    body: RecordTenderBody,
    response: answers.RecordTenderResponse,
    refusals: {
      '422':
        'a rule of the domain refuses it: the tender was already received, or its deadline is not after its receipt',
    },
  })
  async record(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RecordTenderResponse> {
    const { receivedAt, ...data } = validate(RecordTenderBody, body ?? {}, 'POST /api/tenders');
    await this.involvement.require(principal, data.opportunityId, 'POST /api/tenders');
    // The tender's decider refuses a deadline that is not after this receipt (422).
    const occurredAt = receivedAt ?? this.clock().toISOString();
    const result = await this.commandBus.execute(
      new ExecuteDomainCommand(RECEIVE_TENDER_ROUTE, data, { occurredAt, actor: actorOf(principal) }, undefined),
    );
    return {
      streamId: result.streamId,
      eventId: result.eventIds[0]!,
      revision: result.revision.toString(),
      position: result.position.toString(),
      projected: await this.projector.waitForPosition(result.position, projectionWaitMs(request, response)),
    };
  }
}
