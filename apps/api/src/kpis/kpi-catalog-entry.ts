import type { KpiCatalogEntry } from '@presales/contracts';
import { defaultTargetOf, toleranceOf, type PublishedKpi } from '@presales/kpi';

/**
 * A definition in force as GET /api/kpis lists it: the recorded definition with its decimals as
 * numbers and its bands as fractions, as the dashboard's what-if computes with them.
 */
export function catalogEntry(definition: PublishedKpi): KpiCatalogEntry {
  const overrides = Object.entries(definition.projectTypeOverrides).map(([projectType, override]) => [
    projectType,
    {
      ...(override?.weight === undefined ? {} : { weight: Number(override.weight) }),
      ...(override?.target === undefined ? {} : { target: Number(override.target) }),
      ...(override?.counts === undefined ? {} : { counts: override.counts }),
    },
  ]);
  return {
    id: definition.id,
    version: definition.version,
    names: definition.names,
    description: definition.description ?? '',
    unit: definition.unit,
    direction: definition.direction,
    area: definition.area,
    defaultTarget: defaultTargetOf(definition),
    tolerance: toleranceOf(definition),
    weight: Number(definition.weight),
    aggregate: definition.aggregate,
    sql: definition.sql,
    parameters: definition.parameters,
    projectTypeOverrides: Object.fromEntries(overrides),
  };
}
