import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { kpiDecider, streamName, type CommandMetadata, type KpiDefinition as PayloadDefinition } from '@presales/domain';
import type { EventStore } from '@presales/event-store';
import type { PublishedDefinition } from '@presales/kpi';
import { appendDecided, loadAggregate } from '../infrastructure/aggregate-repository.js';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { PublishKpiDefinitionCommand } from './publish-kpi-definition.command.js';

/** Load the KPI's stream, let the decider validate and number the version, append. */
export async function publishKpiDefinition(eventStore: EventStore, kpiId: string, definition: PublishedDefinition, metadata: CommandMetadata) {
  const streamId = streamName('kpi', kpiId);
  const { state, expectedRevision } = await loadAggregate(eventStore, streamId, kpiDecider);
  const events = kpiDecider.decide({ type: 'PublishKpiDefinition', data: { kpiId, definition: definition as PayloadDefinition }, metadata }, state);
  const appended = await appendDecided(eventStore, streamId, expectedRevision, events, metadata);
  const published = events[0]!;
  return { ...appended, version: published.type === 'KpiDefinitionPublished' ? published.data.version : 0 };
}

@CommandHandler(PublishKpiDefinitionCommand)
export class PublishKpiDefinitionHandler implements ICommandHandler<PublishKpiDefinitionCommand> {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  execute({ kpiId, definition, metadata }: PublishKpiDefinitionCommand) {
    return publishKpiDefinition(this.eventStore, kpiId, definition, metadata);
  }
}
