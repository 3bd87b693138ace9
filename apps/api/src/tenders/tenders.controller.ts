import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ProjectionView } from '@presales/analytics';
import type { RecordTenderResponse } from '@presales/contracts';
import { IllegalStateError, IsoUtcTime, ReceiveTenderData, validate } from '@presales/domain';
import { Allow, RECORDERS } from '../auth/access/access-rule.js';
import { CurrentPrincipal } from '../auth/access/current-principal.decorator.js';
import { OpportunityInvolvement } from '../auth/involvement/opportunity-involvement.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { CLOCK, PROJECTOR, type Clock } from '../infrastructure/tokens.js';
import { RECEIVE_TENDER_ROUTE } from '../commands/command-routes.js';
import { ExecuteDomainCommand } from '../commands/execute-domain-command.command.js';

const RecordTenderBody = ReceiveTenderData.extend({ receivedAt: IsoUtcTime.optional() });

/** How long a write waits for its event to reach the analytics tables before answering. */
const READ_YOUR_WRITES_MS = 2000;

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
  async record(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<RecordTenderResponse> {
    const { receivedAt, ...data } = validate(RecordTenderBody, body ?? {}, 'POST /api/tenders');
    await this.involvement.require(principal, data.opportunityId, 'POST /api/tenders');
    const occurredAt = receivedAt ?? this.clock().toISOString();
    if (Date.parse(data.deadline) <= Date.parse(occurredAt)) {
      throw new IllegalStateError(`tender ${data.tenderId}`, `its deadline ${data.deadline} is not after its receipt ${occurredAt}`);
    }
    const result = await this.commandBus.execute(new ExecuteDomainCommand(RECEIVE_TENDER_ROUTE, data, { occurredAt, actor: actorOf(principal) }, undefined));
    return {
      streamId: result.streamId,
      eventId: result.eventIds[0]!,
      revision: result.revision.toString(),
      position: result.position.toString(),
      projected: await this.projector.waitForPosition(result.position, READ_YOUR_WRITES_MS),
    };
  }
}
