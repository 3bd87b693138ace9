import { EVENT_SCHEMAS } from '@presales/domain';
import { describe, expect, it } from 'vitest';
import { FACT_TABLE_BY_EVENT_TYPE, FACT_TABLES } from './index.js';

describe('fact tables', () => {
  it('exist for every domain event type, and only for those', () => {
    expect([...FACT_TABLE_BY_EVENT_TYPE.keys()].sort()).toEqual(Object.keys(EVENT_SCHEMAS).sort());
  });

  it('have unique names', () => {
    const names = FACT_TABLES.map((fact) => fact.table.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
