import type { KpiDefinition, PublishedKpi } from './definition.js';

/**
 * What the catalog's definition of a KPI changes against the version in force: the fields of
 * the recorded definition that differ (`sql`, `defaultTarget`…), none when they are the same.
 * A store publishes the catalog once, on its first start; a later release whose catalog fixes or
 * speeds up a KPI reaches the store only as a new version, and this says which would be one.
 * Versions are not compared; decimals are compared by value (`"0.30"` is `"0.3"`).
 */
export function catalogChanges(inForce: PublishedKpi, catalog: PublishedKpi): (keyof KpiDefinition)[] {
  const [was, now] = [byValue(inForce), byValue(catalog)];
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])] as (keyof KpiDefinition)[];
  return fields.filter((field) => !sameJson(was[field], now[field])).sort();
}

/** The recorded definition, without its version, each decimal as the number it stands for. */
function byValue({ version: _version, ...definition }: PublishedKpi): Record<string, unknown> {
  const overrides = Object.entries(definition.projectTypeOverrides).map(([projectType, override]) => [
    projectType,
    { ...override, weight: numberOrAbsent(override?.weight), target: numberOrAbsent(override?.target) },
  ]);
  return {
    ...definition,
    defaultTarget: definition.defaultTarget === null ? null : Number(definition.defaultTarget),
    weight: Number(definition.weight),
    tolerance: { greenPct: Number(definition.tolerance.greenPct), amberPct: Number(definition.tolerance.amberPct) },
    projectTypeOverrides: Object.fromEntries(overrides),
  };
}

function numberOrAbsent(decimal: string | undefined): number | undefined {
  return decimal === undefined ? undefined : Number(decimal);
}

/** Equal as JSON: the same values, object keys in any order, an absent key as one set to undefined. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return false;
  const [left, right] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = new Set(
    [...Object.keys(left), ...Object.keys(right)].filter((key) => left[key] !== undefined || right[key] !== undefined),
  );
  for (const key of keys) if (!sameJson(left[key], right[key])) return false;
  return true;
}
