import type { Provider } from '@nestjs/common';
import type { EventStore } from '@presales/event-store';
import { definitionOf } from '@presales/kpi';
import { DEMO_SEEDED } from '../import/demo-seeder.js';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens.js';
import { changesAgainstCatalog, definitionsInForce } from './catalog-changes-in-store.js';
import { publishKpiDefinition } from './publish-kpi-definition.handler.js';

export const KPI_CATALOG_PUBLISHED = Symbol('KpiCatalogPublished');

/**
 * On start-up, publishes version 1 of every catalog KPI whose `kpi-<id>` stream does not exist
 * yet, so the definitions in force are on the record (and their SQL is part of the history).
 * Runs after the demo seeder (which publishes them itself into an empty store). Where this
 * release's catalog differs from the version in force, it says so and leaves the choice to a
 * manager (`POST /api/kpis/catalog-changes`): the version in force may be their own.
 */
export const kpiCatalogPublisherProvider: Provider = {
  provide: KPI_CATALOG_PUBLISHED,
  inject: [EVENT_STORE, CLOCK, DEMO_SEEDED],
  // A factory, like the demo seeder, so it runs while the app is built, before the projector.
  useFactory: async (eventStore: EventStore, clock: Clock): Promise<number> => {
    let published = 0;
    const definitions = await definitionsInForce(eventStore);
    for (const { catalog, inForce } of definitions) {
      if (inForce !== undefined) continue;
      const metadata = { occurredAt: clock().toISOString(), actor: { id: 'platform', role: 'system' as const } };
      await publishKpiDefinition(eventStore, catalog.id, definitionOf(catalog), metadata);
      published += 1;
    }
    if (published > 0) console.log(`[kpi] published version 1 of ${published} catalog KPI definitions`);
    // What was just published is the catalog: only the definitions found in force can differ.
    const changes = changesAgainstCatalog(definitions);
    if (changes.length > 0) {
      const named = changes.map((change) => `${change.kpiId} (version ${change.versionInForce})`).join(', ');
      console.log(
        `[kpi] this release's catalog differs from the definitions in force of ${changes.length} KPIs: ${named}; GET /api/kpis/catalog-changes says what differs, POST publishes them as new versions`,
      );
    }
    return published;
  },
};
