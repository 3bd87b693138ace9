import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { kpiDecider, streamName, type CommandMetadata, type KpiDefinition } from '@presales/domain';
import type { EventStore } from '@presales/event-store';
import type { PublishedKpi } from '@presales/kpi';
import { appendDecided, loadAggregate } from '../infrastructure/aggregate-repository.js';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { KpiSqlCheck } from './kpi-sql-check.js';
import { PublishKpiDefinitionCommand } from './publish-kpi-definition.command.js';

/**
 * Load the KPI's stream, let the decider validate and number the version, check what it decided
 * (`accept`: the new version's SQL runs), append.
 */
export async function publishKpiDefinition(
  eventStore: EventStore,
  kpiId: string,
  definition: KpiDefinition,
  metadata: CommandMetadata,
  accept: (definition: PublishedKpi) => Promise<void> = () => Promise.resolve(),
) {
  const streamId = streamName('kpi', kpiId);
  const { state, expectedRevision } = await loadAggregate(eventStore, streamId, kpiDecider);
  const events = kpiDecider.decide({ type: 'PublishKpiDefinition', data: { kpiId, definition }, metadata }, state);
  const published = events[0]!;
  const version = published.type === 'KpiDefinitionPublished' ? published.data.version : 0;
  if (published.type === 'KpiDefinitionPublished') await accept({ ...published.data.definition, version });
  const appended = await appendDecided(eventStore, streamId, expectedRevision, events, metadata);
  return { ...appended, version };
}

@CommandHandler(PublishKpiDefinitionCommand)
export class PublishKpiDefinitionHandler implements ICommandHandler<PublishKpiDefinitionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly sqlCheck: KpiSqlCheck,
  ) {}

  execute({ kpiId, definition, metadata }: PublishKpiDefinitionCommand) {
    return publishKpiDefinition(this.eventStore, kpiId, definition, metadata, (decided) =>
      this.sqlCheck.check(decided, `PublishKpiDefinition ${kpiId}`),
    );
  }
}
