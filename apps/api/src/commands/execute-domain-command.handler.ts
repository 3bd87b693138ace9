import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { aggregateFor, streamName, type DomainEvent } from '@presales/domain';
import { WrongExpectedVersionError, type EventStore } from '@presales/event-store';
import { appendDecided, loadAggregate } from '../infrastructure/aggregate-repository.js';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { ID_FIELD } from './aggregate-ids.js';
import { ExecuteDomainCommand, type ExecutedCommand } from './execute-domain-command.command.js';

/** Load, decide, append: the same three steps for every command, through the aggregate's own decider. */
@CommandHandler(ExecuteDomainCommand)
export class ExecuteDomainCommandHandler implements ICommandHandler<ExecuteDomainCommand> {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async execute({
    route,
    data,
    metadata,
    expectedRevision,
    eventId,
    checkFirst,
  }: ExecuteDomainCommand): Promise<ExecutedCommand> {
    const aggregate = aggregateFor(route.category);
    const streamId = streamName(route.category, String(data[ID_FIELD[route.category]]));
    const loaded = await loadAggregate(this.eventStore, streamId, aggregate.decider as never);
    await checkFirst?.(loaded.first);
    // A client that read revision N and sends If-Match: N must not decide on a state it never saw.
    const current = loaded.expectedRevision === 'no_stream' ? undefined : (loaded.expectedRevision as bigint);
    if (expectedRevision !== undefined && expectedRevision !== current)
      throw new WrongExpectedVersionError(streamId, expectedRevision, current);
    const events = aggregate.decider.decide(
      { type: route.command, data, metadata } as never,
      loaded.state as never,
    ) as readonly DomainEvent[];
    const appended = await appendDecided(this.eventStore, streamId, loaded.expectedRevision, events, metadata, eventId);
    return {
      streamId,
      eventIds: appended.eventIds,
      revision: appended.nextExpectedRevision,
      position: appended.position,
    };
  }
}
