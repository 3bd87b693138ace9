import { KPI_CATALOG, type KpiDefinition as CatalogDefinition } from '@presales/kpi';

/**
 * The demo publishes the catalog's definitions, in the payload shape of PublishKpiDefinition
 * (libs/kpi `toPublishedDefinition`: decimal strings, percent bands, the aggregate and the
 * parameters), so the demo history starts with the same definitions the platform computes with.
 */
export { decimalText, toPublishedDefinition as publishableDefinition } from '@presales/kpi';

export const DEMO_KPIS: readonly CatalogDefinition[] = KPI_CATALOG;
