import { z } from 'zod';
import { checkedEvents } from '../shared/aggregate.js';
import { metaOf, validateCommand, type ValidCommandUnion, without } from '../shared/command.js';
import { assertNever, type Command } from '../shared/message.js';
import { KpiDefinition } from './kpi.definition.js';
import { KpiTargetSetData, type KpiEvent } from './kpi.events.js';
import { KpiId } from './kpi.scope.js';
import { checkKpiEvent } from './kpi.rules.js';
import { evolveKpi, nextKpiVersion, type KpiState } from './kpi.state.js';

/** The version is the next one: decide fills it in. */
export const PublishKpiDefinitionData = z
  .strictObject({ kpiId: KpiId, definition: KpiDefinition })
  .refine((data) => data.definition.id === data.kpiId, { path: ['definition', 'id'], message: 'must equal kpiId' })
  .meta({ description: '`definition.id` equals `kpiId`.' });
export const SetKpiTargetData = KpiTargetSetData.safeExtend({ kpiId: KpiId }).meta(metaOf(KpiTargetSetData));

export const KPI_COMMAND_SCHEMAS = {
  PublishKpiDefinition: PublishKpiDefinitionData,
  SetKpiTarget: SetKpiTargetData,
} as const;

export type PublishKpiDefinition = Command<'PublishKpiDefinition', z.input<typeof PublishKpiDefinitionData>>;
export type SetKpiTarget = Command<'SetKpiTarget', z.input<typeof SetKpiTargetData>>;

export type KpiCommand = PublishKpiDefinition | SetKpiTarget;

type ValidKpiCommand = ValidCommandUnion<typeof KPI_COMMAND_SCHEMAS>;

export function decideKpi(command: KpiCommand, state: KpiState): readonly KpiEvent[] {
  const valid = validateCommand(KPI_COMMAND_SCHEMAS, command);
  return checkedEvents(checkKpiEvent, evolveKpi, state, valid.data.kpiId, valid.metadata.occurredAt, [
    kpiEventFor(valid, state),
  ]);
}

function kpiEventFor(command: ValidKpiCommand, state: KpiState): KpiEvent {
  switch (command.type) {
    case 'PublishKpiDefinition':
      return {
        type: 'KpiDefinitionPublished',
        data: { kpiId: command.data.kpiId, version: nextKpiVersion(state), definition: command.data.definition },
      };
    case 'SetKpiTarget':
      return { type: 'KpiTargetSet', data: without(command.data, 'kpiId') };
    default:
      return assertNever(command, 'KPI command');
  }
}
