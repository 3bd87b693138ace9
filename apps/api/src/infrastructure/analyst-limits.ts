import type { AdmissionLimits, AnalystLimits } from '@presales/analytics';
import { ConfigError } from '@presales/platform-config';

/**
 * Limits of analyst SQL on chDB, fixed when the read-only session is created. On a ClickHouse
 * server the analyst user's profile sets them (infra/clickhouse/users.xml has the same values).
 */
export const ANALYST_LIMITS: AnalystLimits = {
  maxExecutionSeconds: 10,
  maxResultRows: 100_000,
  maxMemoryBytes: 2_000_000_000,
  // A streamed export holds nothing in the platform: a million rows, two minutes (decision 0030).
  export: { maxResultRows: 1_000_000, maxExecutionSeconds: 120 },
};

/**
 * How many analyst queries run at once (decision 0024): ANALYST_QUERIES_PER_CALLER (default 2)
 * and ANALYST_QUERIES_TOTAL (default 3: on chDB each is a worker process with one thread, and a
 * manager's scorecard must stay within 20 % of its time beside three heavy ones).
 */
export function analystAdmissionLimits(env: Readonly<Record<string, string | undefined>>): AdmissionLimits {
  return {
    perCaller: positiveInteger(env, 'ANALYST_QUERIES_PER_CALLER', 2),
    total: positiveInteger(env, 'ANALYST_QUERIES_TOTAL', 3),
  };
}

function positiveInteger(
  env: Readonly<Record<string, string | undefined>>,
  variable: string,
  fallback: number,
): number {
  const text = env[variable];
  if (text === undefined || text === '') return fallback;
  if (!/^[1-9][0-9]{0,3}$/.test(text)) throw new ConfigError(variable, text, 'must be a whole number from 1 to 9999');
  return Number(text);
}
