import { parsePeriod, type PublishedKpi } from '@presales/kpi';
import type { FxRates } from '../kpi-query.js';
import { renderKpiSql } from '../render-kpi-sql.js';

/** The tables a definition's SQL reads at org scope, its macros' included (`{{closures}}` reads three). */
export function tablesReadBy(definition: PublishedKpi, fx: FxRates): string[] {
  const tables = new Set<string>();
  const query = { definition, period: parsePeriod('2025-01'), scope: { kind: 'org' } as const, asOf: new Date(0), fx };
  renderKpiSql(definition.sql, query, (table) => {
    tables.add(table);
    return table;
  });
  return [...tables];
}
