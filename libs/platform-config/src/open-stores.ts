import { migrate, type AnalyticsStore } from '@presales/analytics';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { ClickHouseAnalyticsStore } from '@presales/analytics-clickhouse';
import type { EventStore } from '@presales/event-store';
import { EsdbEventStore, EventStoreUnreachableError } from '@presales/event-store-esdb';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { ConfigError, type AnalyticsConfig, type EventStoreConfig } from './app-config.js';
import { ddlTargetOf } from './ddl-target.js';

export async function openEventStore(config: EventStoreConfig): Promise<EventStore> {
  switch (config.kind) {
    case 'sqlite':
      return SqliteEventStore.open({ file: config.file, durability: config.durability });
    case 'eventstoredb':
      return openEventStoreDb(config.url);
  }
}

/** How long start-up waits for EventStoreDB before it stops with a configuration error. */
const EVENTSTORE_CONNECT_DEADLINE_MS = 5000;

/**
 * An unreachable server stops start-up within the deadline, naming the variable, instead of
 * the platform starting and failing at the first append.
 */
async function openEventStoreDb(url: string): Promise<EventStore> {
  try {
    return await EsdbEventStore.connect({ url, connectDeadlineMs: EVENTSTORE_CONNECT_DEADLINE_MS });
  } catch (error) {
    if (error instanceof EventStoreUnreachableError) {
      throw new ConfigError(
        'EVENTSTORE_URL',
        url,
        `${error.reason} (is EventStoreDB running there? unset EVENTSTORE_URL for the embedded SQLite store)`,
      );
    }
    throw error;
  }
}

/** Opens the analytics store and brings its schema up to date before anything reads or writes. */
export async function openAnalyticsStore(config: AnalyticsConfig): Promise<AnalyticsStore> {
  const store =
    config.kind === 'chdb'
      ? await ChdbAnalyticsStore.open({ path: config.path })
      : await ClickHouseAnalyticsStore.open({
          url: config.url,
          database: config.database,
          analystUser: config.analystUser,
          ...(config.cluster === undefined ? {} : { cluster: config.cluster }),
        });
  try {
    await migrate(store, ddlTargetOf(config));
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
