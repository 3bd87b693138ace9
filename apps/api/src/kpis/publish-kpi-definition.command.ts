import { Command } from '@nestjs/cqrs';
import type { CommandMetadata, KpiDefinition } from '@presales/domain';
import type { AppendedEvents } from '../infrastructure/aggregate-repository.js';

/** Publish a (new version of a) KPI definition: KPIs are data (DESIGN.md decision 10). */
export class PublishKpiDefinitionCommand extends Command<AppendedEvents & { readonly version: number }> {
  constructor(
    readonly kpiId: string,
    readonly definition: KpiDefinition,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
