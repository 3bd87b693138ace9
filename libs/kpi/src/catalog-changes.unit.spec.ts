import { describe, expect, it } from 'vitest';
import { KPI_CATALOG } from './catalog/index.js';
import { catalogChanges } from './catalog-changes.js';

const hitRate = KPI_CATALOG.find((d) => d.id === 'hit_rate')!;

describe('catalogChanges', () => {
  it('finds nothing when the version in force is the catalog, recorded and read back', () => {
    for (const definition of KPI_CATALOG) {
      const readBack = { ...JSON.parse(JSON.stringify(definition)), version: 3 };
      expect(catalogChanges(readBack, definition)).toEqual([]);
    }
  });

  it('names each recorded field that differs, whatever the version numbers', () => {
    const older = {
      ...hitRate,
      version: 2,
      sql: `${hitRate.sql} AND 1`,
      defaultTarget: '0.25',
      tolerance: { greenPct: '10', amberPct: '20' },
    };
    expect(catalogChanges(older, hitRate)).toEqual(['defaultTarget', 'sql', 'tolerance']);
  });

  it('compares decimals by value, not by how they are written', () => {
    const written = {
      ...hitRate,
      defaultTarget: `${hitRate.defaultTarget}0`,
      weight: `${hitRate.weight}.000`,
      tolerance: { greenPct: '5.0', amberPct: '015' },
    };
    expect(catalogChanges(written, hitRate)).toEqual([]);
    expect(
      catalogChanges(
        { ...hitRate, projectTypeOverrides: { service: { weight: '2.50' } } },
        { ...hitRate, projectTypeOverrides: { service: { weight: '2.5' } } },
      ),
    ).toEqual([]);
  });

  it('compares nested parameters and project-type overrides by value', () => {
    const withOverride = { ...hitRate, projectTypeOverrides: { service: { weight: '2' } } };
    expect(catalogChanges(withOverride, hitRate)).toEqual(['projectTypeOverrides']);
    expect(catalogChanges({ ...withOverride }, withOverride)).toEqual([]);
    const withParameter = { ...hitRate, parameters: { sla_hours: { cloud: 24 } } };
    expect(catalogChanges(withParameter, { ...hitRate, parameters: { sla_hours: { cloud: 48 } } })).toEqual([
      'parameters',
    ]);
  });
});
