import { migrate, type AnalyticsStore } from '@presales/analytics';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { ClickHouseAnalyticsStore } from '@presales/analytics-clickhouse';
import type { EventStore } from '@presales/event-store';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { ConfigError, type AnalyticsConfig, type EventStoreConfig } from '../config/app-config.js';
import { ddlTargetOf } from './ddl-target.js';

export async function openEventStore(config: EventStoreConfig): Promise<EventStore> {
  switch (config.kind) {
    case 'sqlite':
      return SqliteEventStore.open({ file: config.file, durability: config.durability });
    case 'eventstoredb':
      throw new ConfigError(
        'EVENTSTORE_URL',
        config.url,
        'this build has no EventStoreDB adapter yet; unset EVENTSTORE_URL to use the embedded SQLite event store',
      );
  }
}

/** Opens the analytics store and brings its schema up to date before anything reads or writes. */
export async function openAnalyticsStore(config: AnalyticsConfig): Promise<AnalyticsStore> {
  const store =
    config.kind === 'chdb'
      ? await ChdbAnalyticsStore.open({ path: config.path })
      : await ClickHouseAnalyticsStore.open({ url: config.url, analystUser: config.analystUser });
  try {
    await migrate(store, ddlTargetOf(config));
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
