import type { AnalystLimits } from '@presales/analytics';

/**
 * Limits of analyst SQL on chDB, fixed when the read-only session is created. On a ClickHouse
 * server the analyst user's profile sets them (infra/clickhouse/users.xml has the same values).
 */
export const ANALYST_LIMITS: AnalystLimits = {
  maxExecutionSeconds: 10,
  maxResultRows: 100_000,
  maxMemoryBytes: 2_000_000_000,
};
