import { z } from 'zod';
import type { Event } from '../shared/message.js';
import { DecimalString, Version } from '../shared/primitives.js';
import { KpiDefinition } from './kpi.definition.js';
import { KpiId, KpiPeriod, KpiScope } from './kpi.scope.js';

export const KpiDefinitionPublishedData = z
  .strictObject({
    kpiId: KpiId,
    version: Version,
    definition: KpiDefinition,
  })
  .refine((data) => data.definition.id === data.kpiId, { path: ['definition', 'id'], message: 'must equal kpiId' })
  .meta({ description: '`definition.id` equals `kpiId`; versions are 1, 2, … per KPI.' });

export const KpiTargetSetData = z.strictObject({
  period: KpiPeriod,
  scope: KpiScope,
  target: DecimalString,
});

export type KpiDefinitionPublished = Event<'KpiDefinitionPublished', z.output<typeof KpiDefinitionPublishedData>>;
export type KpiTargetSet = Event<'KpiTargetSet', z.output<typeof KpiTargetSetData>>;

export type KpiEvent = KpiDefinitionPublished | KpiTargetSet;

export const KPI_EVENT_SCHEMAS = {
  KpiDefinitionPublished: { schema: KpiDefinitionPublishedData, schemaVersion: 1 },
  KpiTargetSet: { schema: KpiTargetSetData, schemaVersion: 1 },
} as const satisfies { [T in KpiEvent['type']]: { schema: z.ZodType; schemaVersion: number } };
