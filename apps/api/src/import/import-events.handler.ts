import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@presales/event-store';
import { EventImporter, jsonlItems, type Rejection } from '@presales/interchange';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { outsideRequestContext } from '../observability/request-context.js';
import { ImportEventsCommand, type ImportEventsResult } from './import-events.command.js';

/** How many rejections the answer lists; the rest are counted. */
const LISTED_REJECTIONS = 1000;

/** The same import as `presales import`, on the platform's own event store. */
@CommandHandler(ImportEventsCommand)
export class ImportEventsHandler implements ICommandHandler<ImportEventsCommand> {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async execute({ body, importedBy }: ImportEventsCommand): Promise<ImportEventsResult> {
    const rejections: Rejection[] = [];
    let omitted = 0;
    const importer = new EventImporter(this.eventStore, {
      importedBy,
      onRejected: (rejection) => (rejections.length < LISTED_REJECTIONS ? rejections.push(rejection) : (omitted += 1)),
    });
    // An imported fact keeps the metadata its line carries: stamping this request's correlation id
    // on it would make a second import of the same file differ from the first (decision 0035).
    const summary = await outsideRequestContext(() => importer.run(jsonlItems(body)));
    return { ...summary, rejections, rejectionsOmitted: omitted };
  }
}
