import { createHash } from 'node:crypto';
import type { PublishedKpi } from '@presales/kpi';
import type { FxRates } from '../kpi-query.js';

/** JSON with every object's keys sorted: the same definition read back from its event gives the same text. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${sortedJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * What a KPI's value depends on beyond the rows it reads: its SQL, aggregate and parameters, and
 * the exchange rates. A new version that changes none of them keeps the values of the one before.
 */
export function definitionKey(definition: PublishedKpi, fx: FxRates): string {
  const { id, sql, aggregate, parameters } = definition;
  return createHash('sha256').update(sortedJson({ id, sql, aggregate, parameters, fx })).digest('hex').slice(0, 32);
}
