import { describe, expect, it } from 'vitest';
import { KPI_CATALOG } from './catalog/index.js';
import { catalogChanges } from './catalog-changes.js';
import { fromPublishedDefinition, toPublishedDefinition } from './published-definition.js';

const hitRate = KPI_CATALOG.find((d) => d.id === 'hit_rate')!;

describe('catalogChanges', () => {
  it('finds nothing when the version in force is the catalog, published and read back', () => {
    for (const definition of KPI_CATALOG) {
      const readBack = fromPublishedDefinition(JSON.parse(JSON.stringify(toPublishedDefinition(definition))), 3);
      expect(catalogChanges(readBack, definition)).toEqual([]);
    }
  });

  it('names each published field that differs, whatever the version numbers', () => {
    const older = { ...hitRate, version: 2, sql: `${hitRate.sql} AND 1`, defaultTarget: 0.25, tolerance: { green: 0.1, amber: 0.2 } };
    expect(catalogChanges(older, hitRate)).toEqual(['defaultTarget', 'sql', 'tolerance']);
  });

  it('compares nested parameters and project-type overrides by value', () => {
    const withOverride = { ...hitRate, projectTypeOverrides: { service: { weight: 2 } } };
    expect(catalogChanges(withOverride, hitRate)).toEqual(['projectTypeOverrides']);
    expect(catalogChanges({ ...withOverride }, withOverride)).toEqual([]);
    const withParameter = { ...hitRate, parameters: { sla_hours: { cloud: 24 } } };
    expect(catalogChanges(withParameter, { ...hitRate, parameters: { sla_hours: { cloud: 48 } } })).toEqual(['parameters']);
  });
});
