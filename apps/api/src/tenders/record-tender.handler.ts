import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName, tenderDecider } from '@presales/domain';
import type { EventStore } from '@presales/event-store';
import { appendDecided, loadAggregate } from '../infrastructure/aggregate-repository.js';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { RecordTenderCommand } from './record-tender.command.js';

/** Load, decide, append. */
@CommandHandler(RecordTenderCommand)
export class RecordTenderHandler implements ICommandHandler<RecordTenderCommand> {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async execute({ data, metadata }: RecordTenderCommand) {
    const streamId = streamName('tender', data.tenderId);
    const { state, expectedRevision } = await loadAggregate(this.eventStore, streamId, tenderDecider);
    const events = tenderDecider.decide({ type: 'ReceiveTender', data, metadata }, state);
    return { streamId, ...(await appendDecided(this.eventStore, streamId, expectedRevision, events, metadata)) };
  }
}
