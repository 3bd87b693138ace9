import {
  BadRequestException,
  ForbiddenException,
  Inject,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ProjectionView } from '@presales/analytics';
import type { CommandAcceptedResponse } from '@presales/contracts';
import { aggregateFor, IllegalStateError, IsoUtcTime, validate } from '@presales/domain';
import type { RecordedEvent } from '@presales/event-store';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { OpportunityInvolvement } from '../auth/involvement/opportunity-involvement.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { projectionWaitMs } from '../infrastructure/read-your-writes.js';
import { CLOCK, PROJECTOR, type Clock } from '../infrastructure/tokens.js';
import { ID_FIELD } from './aggregate-ids.js';
import { COMMAND_RECEIPTS } from './command-tokens.js';
import type { CommandReceipts } from './command-receipts.js';
import type { CommandRoute } from './command-routes.js';
import { ExecuteDomainCommand } from './execute-domain-command.command.js';
import { etagOf, parseIfMatch } from './if-match.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,200}$/;
const LIMITED_ROLES: ReadonlySet<string> = new Set(['sales', 'presales']);

function eventIdFor(caller: string, key: string): (index: number) => string {
  // A UUID-shaped id derived from who sent the key and the key: the same retry, the same ids.
  return (index) => {
    const hex = createHash('sha256').update(`${caller}\u0000${key}\u0000${index}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

/**
 * What every command route does: the body validated by the command's own schema (the aggregate
 * id from the path), who may record it checked, the Idempotency-Key's first answer replayed,
 * If-Match honoured, then the CommandBus; 201 with the stream's new revision as ETag.
 */
@Injectable()
export class CommandEndpoint {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly involvement: OpportunityInvolvement,
    @Inject(PROJECTOR) private readonly projector: ProjectionView,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(COMMAND_RECEIPTS) private readonly receipts: CommandReceipts,
  ) {}

  async handle(
    route: CommandRoute,
    request: Request,
    response: Response,
    principal: Principal,
  ): Promise<CommandAcceptedResponse> {
    const where = `${request.method} ${request.path}`;
    const body: unknown = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw new BadRequestException(`${where}: the body must be a JSON object with the fields of ${route.command}`);
    const { occurredAt: occurredAtText, ...fields } = body as Record<string, unknown>;
    const idField = ID_FIELD[route.category];
    const pathId = request.params[idField];
    if (pathId !== undefined) {
      if (fields[idField] !== undefined && fields[idField] !== pathId)
        throw new BadRequestException(
          `${where}: ${idField} ${JSON.stringify(fields[idField])} in the body differs from ${JSON.stringify(pathId)} in the path`,
        );
      fields[idField] = pathId;
    }
    const data = validate(aggregateFor(route.category).commands[route.command]!, fields, route.command) as Record<
      string,
      unknown
    >;
    const occurredAt =
      occurredAtText === undefined
        ? this.clock().toISOString()
        : validate(IsoUtcTime, occurredAtText, `${route.command} occurredAt`);
    // Checked on the stream the handler loads to decide (one read of it), before anything is appended.
    const checkFirst = async (first: RecordedEvent | undefined) => {
      // Nothing happens to a record before it began: a submission before the tender was received, an
      // activity completed before it was scheduled. Back-dating a real past fact is fine.
      if (
        route.action !== undefined &&
        first !== undefined &&
        Date.parse(occurredAt) < Date.parse(first.metadata.occurredAt)
      ) {
        throw new IllegalStateError(
          first.streamId,
          `${route.command} at ${occurredAt} is before the record began (${first.type} at ${first.metadata.occurredAt}): a fact cannot precede the record it belongs to`,
          // The client's own time is what to change; without one, the API's clock was used.
          occurredAtText === undefined ? [] : ['occurredAt'],
        );
      }
      await this.checkInvolvement(route, data, principal, where, route.action === undefined ? undefined : first);
    };
    const expectedRevision = parseIfMatch(request.header('if-match'));

    const key = request.header('idempotency-key');
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
      throw new BadRequestException(`Idempotency-Key: 1 to 200 characters of A-Z a-z 0-9 _ . : -`);
    const fingerprint = createHash('sha256')
      .update(`${where}\u0000${JSON.stringify(body)}`)
      .digest('hex');
    if (key !== undefined) {
      const earlier = this.receipts.find(principal.id, key);
      if (earlier !== undefined) {
        if (earlier.fingerprint !== fingerprint)
          throw new UnprocessableEntityException(
            `Idempotency-Key ${key} was used for another request; use a new key for a new request`,
          );
        response.setHeader('ETag', earlier.etag);
        response.setHeader('Idempotent-Replayed', 'true');
        return JSON.parse(earlier.body) as CommandAcceptedResponse;
      }
    }
    const metadata = { occurredAt, actor: actorOf(principal) };
    const executed = await this.commandBus.execute(
      new ExecuteDomainCommand(
        route,
        data,
        metadata,
        expectedRevision,
        key === undefined ? undefined : eventIdFor(principal.id, key),
        checkFirst,
      ),
    );
    const answer: CommandAcceptedResponse = {
      command: route.command,
      streamId: executed.streamId,
      eventIds: executed.eventIds,
      revision: executed.revision.toString(),
      position: executed.position.toString(),
      projected: await this.projector.waitForPosition(executed.position, projectionWaitMs(request, response)),
    };
    const etag = etagOf(executed.revision);
    if (key !== undefined)
      this.receipts.keep(
        principal.id,
        key,
        { fingerprint, status: 201, body: JSON.stringify(answer), etag },
        this.clock(),
      );
    response.setHeader('ETag', etag);
    return answer;
  }

  /** Sales and presales record only facts of opportunities they are involved in, and their own time. */
  private async checkInvolvement(
    route: CommandRoute,
    data: Readonly<Record<string, unknown>>,
    principal: Principal,
    where: string,
    first: RecordedEvent | undefined,
  ): Promise<void> {
    if (!LIMITED_ROLES.has(principal.role)) return;
    if (route.involvement === 'own-consultant' && data['consultantId'] !== principal.id) {
      throw new ForbiddenException(
        `${where}: ${principal.role} ${principal.id} records only their own ${route.command} (consultantId ${String(data['consultantId'])})`,
      );
    }
    if (route.involvement !== 'opportunity') return;
    // The opportunity: in the data, or in the stream's first event (a tender's, a quote's, …).
    const opportunityId =
      typeof data['opportunityId'] === 'string' ? data['opportunityId'] : first?.data['opportunityId'];
    if (typeof opportunityId === 'string') await this.involvement.require(principal, opportunityId, where);
  }
}
