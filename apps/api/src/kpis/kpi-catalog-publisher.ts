import type { Provider } from '@nestjs/common';
import { StreamNotFoundError, type EventStore } from '@presales/event-store';
import { catalogChanges, fromPublishedDefinition, KPI_CATALOG, toPublishedDefinition, type KpiDefinition, type PublishedDefinition } from '@presales/kpi';
import { DEMO_SEEDED } from '../import/demo-seeder.js';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens.js';
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
    const changed: string[] = [];
    for (const definition of KPI_CATALOG) {
      const inForce = await latestDefinition(eventStore, `kpi-${definition.id}`);
      if (inForce !== undefined) {
        if (catalogChanges(inForce, definition).length > 0) changed.push(`${definition.id} (version ${inForce.version})`);
        continue;
      }
      const metadata = { occurredAt: clock().toISOString(), actor: { id: 'platform', role: 'system' as const } };
      await publishKpiDefinition(eventStore, definition.id, toPublishedDefinition(definition), metadata);
      published += 1;
    }
    if (published > 0) console.log(`[kpi] published version 1 of ${published} catalog KPI definitions`);
    if (changed.length > 0) {
      console.log(
        `[kpi] this release's catalog differs from the definitions in force of ${changed.length} KPIs: ${changed.join(', ')}; GET /api/kpis/catalog-changes says what differs, POST publishes them as new versions`,
      );
    }
    return published;
  },
};

/** The last definition published on a KPI's stream, or undefined when the stream does not exist. */
async function latestDefinition(eventStore: EventStore, streamId: string): Promise<KpiDefinition | undefined> {
  try {
    const definitions = (await eventStore.readStream(streamId)).filter((event) => event.type === 'KpiDefinitionPublished');
    const last = definitions[definitions.length - 1];
    if (last === undefined) return undefined;
    const data = last.data as { version: number; definition: PublishedDefinition };
    return fromPublishedDefinition(data.definition, data.version);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
}
