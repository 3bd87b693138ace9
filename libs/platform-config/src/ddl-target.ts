import type { DdlTarget } from '@presales/analytics';
import type { AnalyticsConfig } from './app-config.js';

/** Where DDL goes: one node, or every node of CLICKHOUSE_CLUSTER (database from the URLs' path). */
export function ddlTargetOf(config: AnalyticsConfig): Omit<DdlTarget, 'capabilities'> {
  if (config.kind !== 'clickhouse' || config.cluster === undefined) return {};
  return { cluster: config.cluster, database: config.database };
}
