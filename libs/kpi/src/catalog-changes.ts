import type { KpiDefinition } from './definition.js';
import { toPublishedDefinition, type PublishedDefinition } from './published-definition.js';

/**
 * What the catalog's definition of a KPI changes against the version in force: the fields of
 * the published payload that differ (`sql`, `defaultTarget`…), none when they are the same.
 * A store publishes the catalog once, on its first start; a later release whose catalog fixes or
 * speeds up a KPI reaches the store only as a new version, and this says which would be one.
 */
export function catalogChanges(inForce: KpiDefinition, catalog: KpiDefinition): (keyof PublishedDefinition)[] {
  const [was, now] = [toPublishedDefinition(inForce), toPublishedDefinition(catalog)];
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])] as (keyof PublishedDefinition)[];
  return fields.filter((field) => !sameJson(was[field], now[field])).sort();
}

/** Equal as JSON: the same values, object keys in any order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const [left, right] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = new Set([...Object.keys(left), ...Object.keys(right)].filter((key) => left[key] !== undefined || right[key] !== undefined));
  for (const key of keys) if (!sameJson(left[key], right[key])) return false;
  return true;
}
