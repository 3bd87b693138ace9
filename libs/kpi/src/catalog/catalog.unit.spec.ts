import { KpiDefinition, kpiDefinitionBreaches } from '@presales/domain';
import { describe, expect, it } from 'vitest';
import { KPI_CATALOG } from './index.js';

describe('the KPI catalog', () => {
  it('is version 1 of definitions the domain records as they are written', () => {
    for (const { version, ...definition } of KPI_CATALOG) {
      expect(version).toBe(1);
      expect(KpiDefinition.parse(definition)).toEqual(definition);
      expect(kpiDefinitionBreaches(definition), definition.id).toEqual([]);
    }
  });
});
