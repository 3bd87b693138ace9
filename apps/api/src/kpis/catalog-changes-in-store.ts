import type { KpiCatalogChange } from '@presales/contracts';
import { kpiDecider } from '@presales/domain';
import type { EventStore } from '@presales/event-store';
import { catalogChanges, KPI_CATALOG, type PublishedKpi } from '@presales/kpi';
import { loadAggregate } from '../infrastructure/aggregate-repository.js';

/**
 * Every catalog KPI with the definition in force on its `kpi-<id>` stream (undefined: never
 * published), read from the event store: the record itself, current the moment a version is
 * appended, where the read models may still be projecting it.
 */
export async function definitionsInForce(
  eventStore: EventStore,
): Promise<{ catalog: PublishedKpi; inForce: PublishedKpi | undefined }[]> {
  return Promise.all(
    KPI_CATALOG.map(async (catalog) => ({ catalog, inForce: await latestDefinition(eventStore, `kpi-${catalog.id}`) })),
  );
}

/** The KPIs whose definition in this release's catalog differs from the version in force (decision 0015). */
export async function catalogChangesInStore(eventStore: EventStore): Promise<KpiCatalogChange[]> {
  return changesAgainstCatalog(await definitionsInForce(eventStore));
}

/** `catalogChangesInStore` from definitions already read; a KPI never published has none. */
export function changesAgainstCatalog(
  definitions: readonly { catalog: PublishedKpi; inForce: PublishedKpi | undefined }[],
): KpiCatalogChange[] {
  return definitions.flatMap(({ catalog, inForce }) => {
    if (inForce === undefined) return [];
    const changed = catalogChanges(inForce, catalog);
    return changed.length === 0 ? [] : [{ kpiId: catalog.id, versionInForce: inForce.version, changed }];
  });
}

async function latestDefinition(eventStore: EventStore, streamId: string): Promise<PublishedKpi | undefined> {
  const { state } = await loadAggregate(eventStore, streamId, kpiDecider);
  return state.status === 'defined' ? { ...state.definition, version: state.version } : undefined;
}
