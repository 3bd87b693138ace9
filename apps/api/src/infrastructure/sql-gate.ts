import { analyticsTablesPolicy, type AnalyticsStore, type SqlGate } from '@presales/analytics';
import { ChdbAnalyticsStore, ChdbSqlParser } from '@presales/analytics-chdb';
import type { AnalyticsConfig } from '@presales/platform-config';

/** The gate and what closes its parser. */
export interface OpenSqlGate extends SqlGate {
  close(): void;
}

/**
 * The gate's parser is chDB's in both modes (decision 0024): beside the embedded store, on its
 * folder (chDB allows one per process); for a server, on a folder of its own, since ClickHouse
 * 18.16 has neither EXPLAIN nor formatQuery.
 */
export function openSqlGate(store: AnalyticsStore, config: AnalyticsConfig): OpenSqlGate {
  if (config.kind === 'chdb') {
    if (!(store instanceof ChdbAnalyticsStore))
      throw new Error('the embedded configuration opened a store that is not chDB');
    const parser = store.openSqlParser();
    return { parser, policy: analyticsTablesPolicy(store.databaseName), close: () => parser.close() };
  }
  const parser = ChdbSqlParser.open();
  return { parser, policy: analyticsTablesPolicy(config.database), close: () => parser.close() };
}
