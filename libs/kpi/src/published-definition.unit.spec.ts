import { describe, expect, it } from 'vitest';
import { KPI_CATALOG } from './catalog/index.js';
import { fromPublishedDefinition, toPublishedDefinition } from './published-definition.js';

describe('published definitions', () => {
  it('round-trip every catalog KPI through the event payload', () => {
    for (const definition of KPI_CATALOG) expect(fromPublishedDefinition(toPublishedDefinition(definition), 1)).toEqual(definition);
  });

  it('write decimals as text and bands in percent', () => {
    const published = toPublishedDefinition(KPI_CATALOG.find((d) => d.id === 'win_rate')!);
    expect(published).toMatchObject({ defaultTarget: '0.35', tolerance: { greenPct: '5', amberPct: '15' }, weight: '3', aggregate: 'ratio' });
  });

  it('carry the version of the event and project-type overrides', () => {
    const definition = { ...KPI_CATALOG[0]!, projectTypeOverrides: { strategic: { weight: 3, target: 0.5 }, service: { counts: false } } };
    expect(fromPublishedDefinition(toPublishedDefinition(definition), 4)).toEqual({ ...definition, version: 4 });
  });
});
