import type { CommandMetadata, ReceiveTender } from '@presales/domain';
import { Command } from '@nestjs/cqrs';
import type { AppendedEvents } from '../infrastructure/aggregate-repository.js';

export class RecordTenderCommand extends Command<AppendedEvents & { readonly streamId: string }> {
  constructor(
    readonly data: ReceiveTender['data'],
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
