import { KPI_CATALOG, type KpiDefinition as CatalogDefinition } from '@presales/kpi';

/** A decimal string with at most 6 decimals, as the domain takes numbers of KPI definitions. */
export function decimalText(value: number): string {
  return String(Number(value.toFixed(6)));
}

/**
 * The KPI catalog's definition (libs/kpi, numbers) as the payload of PublishKpiDefinition
 * (the domain, decimal strings and percent tolerances), so the demo history starts with the
 * same definitions the platform computes with.
 */
export function publishableDefinition(definition: CatalogDefinition): Record<string, unknown> {
  const overrides: Record<string, unknown> = {};
  for (const [projectType, override] of Object.entries(definition.projectTypeOverrides)) {
    if (override === undefined) continue;
    overrides[projectType] = {
      ...(override.weight === undefined ? {} : { weight: decimalText(override.weight) }),
      ...(override.target === undefined ? {} : { target: decimalText(override.target) }),
      ...(override.counts === undefined ? {} : { counts: override.counts }),
    };
  }
  return {
    id: definition.id,
    names: definition.names,
    unit: definition.unit,
    direction: definition.direction,
    defaultTarget: definition.defaultTarget === null ? null : decimalText(definition.defaultTarget),
    tolerance: { greenPct: decimalText(definition.tolerance.green * 100), amberPct: decimalText(definition.tolerance.amber * 100) },
    weight: decimalText(definition.weight),
    area: definition.area,
    sql: definition.sql,
    projectTypeOverrides: overrides,
  };
}

export const DEMO_KPIS: readonly CatalogDefinition[] = KPI_CATALOG;
