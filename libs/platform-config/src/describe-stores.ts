import type { AppConfig } from './app-config.js';
import { redactedUrl } from './redacted-url.js';

/** Which stores a process runs on, for its start-up line: paths and URLs without passwords. */
export function describeStores(config: AppConfig): string {
  const events =
    config.eventStore.kind === 'sqlite'
      ? `SQLite ${config.eventStore.file}`
      : `EventStoreDB ${redactedUrl(config.eventStore.url)}`;
  const analytics =
    config.analytics.kind === 'chdb'
      ? `chDB ${config.analytics.path}`
      : `ClickHouse ${redactedUrl(config.analytics.url)}`;
  return `events: ${events}; analytics: ${analytics}`;
}
