import type { Provider } from '@nestjs/common';
import { StreamNotFoundError, type EventStore } from '@presales/event-store';
import { KPI_CATALOG, toPublishedDefinition } from '@presales/kpi';
import { DEMO_SEEDED } from '../import/demo-seeder.js';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens.js';
import { publishKpiDefinition } from './publish-kpi-definition.handler.js';

export const KPI_CATALOG_PUBLISHED = Symbol('KpiCatalogPublished');

/**
 * On start-up, publishes version 1 of every catalog KPI whose `kpi-<id>` stream does not exist
 * yet, so the definitions in force are on the record (and their SQL is part of the history).
 * Runs after the demo seeder (which publishes them itself into an empty store).
 */
export const kpiCatalogPublisherProvider: Provider = {
  provide: KPI_CATALOG_PUBLISHED,
  inject: [EVENT_STORE, CLOCK, DEMO_SEEDED],
  // A factory, like the demo seeder, so it runs while the app is built, before the projector.
  useFactory: async (eventStore: EventStore, clock: Clock): Promise<number> => {
    let published = 0;
    for (const definition of KPI_CATALOG) {
      if (await streamExists(eventStore, `kpi-${definition.id}`)) continue;
      const metadata = { occurredAt: clock().toISOString(), actor: { id: 'platform', role: 'system' as const } };
      await publishKpiDefinition(eventStore, definition.id, toPublishedDefinition(definition), metadata);
      published += 1;
    }
    if (published > 0) console.log(`[kpi] published version 1 of ${published} catalog KPI definitions`);
    return published;
  },
};

async function streamExists(eventStore: EventStore, streamId: string): Promise<boolean> {
  try {
    await eventStore.readStream(streamId, { maxCount: 1 });
    return true;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return false;
    throw error;
  }
}
