import { NotFoundException } from '@nestjs/common';
import { KPI_CATALOG, type KpiDefinition } from '@presales/kpi';

/**
 * The KPI definitions a query may name. Version 1 of each is the catalog shipped in libs/kpi.
 */
export function kpiDefinition(id: string, version?: number): KpiDefinition {
  const definition = KPI_CATALOG.find((d) => d.id === id);
  if (definition === undefined) throw new NotFoundException(`KPI ${id}: not in the catalog (GET /api/kpis lists them)`);
  if (version !== undefined && version !== definition.version) throw new NotFoundException(`KPI ${id}: version ${version} is not published (latest is ${definition.version})`);
  return definition;
}

export function kpiDefinitions(version?: number): readonly KpiDefinition[] {
  return version === undefined ? KPI_CATALOG : KPI_CATALOG.map((d) => kpiDefinition(d.id, version));
}
