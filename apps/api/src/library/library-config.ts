import { ConfigError } from '@presales/platform-config';

export const STALE_AFTER_MONTHS = Symbol('StaleAfterMonths');
export const DEFAULT_STALE_AFTER_MONTHS = 12;

/** LIBRARY_STALE_MONTHS: an asset not revised in this many months is flagged stale (default 12). */
export function staleAfterMonthsFrom(env: Readonly<Record<string, string | undefined>>): number {
  const value = env['LIBRARY_STALE_MONTHS']?.trim();
  if (value === undefined || value === '') return DEFAULT_STALE_AFTER_MONTHS;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 120)
    throw new ConfigError('LIBRARY_STALE_MONTHS', value, 'must be a whole number of months from 1 to 120');
  return Number(value);
}
