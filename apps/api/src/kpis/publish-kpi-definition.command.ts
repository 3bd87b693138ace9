import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@presales/domain';
import type { PublishedDefinition } from '@presales/kpi';
import type { AppendedEvents } from '../infrastructure/aggregate-repository.js';

/** Publish a (new version of a) KPI definition: KPIs are data (DESIGN.md decision 10). */
export class PublishKpiDefinitionCommand extends Command<AppendedEvents & { readonly version: number }> {
  constructor(
    readonly kpiId: string,
    readonly definition: PublishedDefinition,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
