import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { sqlValue, type AnalyticsStore } from '@presales/analytics';
import { KpiDefinition } from '@presales/domain';
import { KPI_CATALOG, type PublishedKpi } from '@presales/kpi';
import { ANALYTICS_STORE } from '../infrastructure/tokens.js';

/**
 * The KPI definitions in force at a moment: every KpiDefinitionPublished recorded by asOf, from
 * the analytics tables. A query on one KPI may name its version; without one it gets the latest. Before any
 * definition is on the record (a fresh store, still projecting), the catalog's version 1.
 */
@Injectable()
export class KpiRegistry {
  constructor(@Inject(ANALYTICS_STORE) private readonly analytics: AnalyticsStore) {}

  /**
   * Every KPI, each at its latest version, or at its latest version ≤ `atMostVersion`: a version
   * no KPI has reached is refused, not answered with the latest of each.
   */
  async definitions(asOf: Date, atMostVersion?: number): Promise<PublishedKpi[]> {
    const published = await this.published(asOf);
    if (atMostVersion !== undefined) {
      const highest = Math.max(
        ...KPI_CATALOG.map((catalog) => (published.get(catalog.id) ?? [catalog]).at(-1)!.version),
      );
      if (atMostVersion > highest)
        throw new NotFoundException(
          `version ${atMostVersion}: no KPI has it as of ${asOf.toISOString()} (the highest published is ${highest})`,
        );
    }
    return KPI_CATALOG.map((catalog) => {
      const versions = (published.get(catalog.id) ?? []).filter(
        (d) => atMostVersion === undefined || d.version <= atMostVersion,
      );
      return versions[versions.length - 1] ?? catalog;
    });
  }

  async definition(id: string, asOf: Date, version?: number): Promise<PublishedKpi> {
    const catalog = KPI_CATALOG.find((d) => d.id === id);
    const versions = (await this.published(asOf)).get(id) ?? [];
    if (catalog === undefined && versions.length === 0)
      throw new NotFoundException(`KPI ${id}: not in the catalog (GET /api/kpis lists them)`);
    return pick(catalog, versions, version, id);
  }

  private async published(asOf: Date): Promise<Map<string, PublishedKpi[]>> {
    const rows = await this.analytics.query<{ kpi_id: string; definition_version: number; definition: string }>(
      `SELECT entity_id AS kpi_id, definition_version, definition FROM kpi_definition_published FINAL
WHERE recorded_at_ms <= ${sqlValue(asOf.getTime())} ORDER BY kpi_id, definition_version`,
    );
    const byKpi = new Map<string, PublishedKpi[]>();
    for (const row of rows) {
      const list = byKpi.get(row.kpi_id) ?? [];
      // The projected copy of a recorded definition: parsed as the domain recorded it.
      list.push({ ...KpiDefinition.parse(JSON.parse(row.definition)), version: Number(row.definition_version) });
      byKpi.set(row.kpi_id, list);
    }
    return byKpi;
  }
}

function pick(
  catalog: PublishedKpi | undefined,
  versions: readonly PublishedKpi[],
  version: number | undefined,
  id = catalog?.id,
): PublishedKpi {
  if (version === undefined) {
    const latest = versions[versions.length - 1] ?? catalog;
    if (latest === undefined) throw new NotFoundException(`KPI ${id}: no definition`);
    return latest;
  }
  const chosen =
    versions.find((d) => d.version === version) ??
    (versions.length === 0 && catalog?.version === version ? catalog : undefined);
  if (chosen === undefined) {
    throw new NotFoundException(
      `KPI ${id}: version ${version} is not published (published: ${versions.map((d) => d.version).join(', ') || 'none'})`,
    );
  }
  return chosen;
}
