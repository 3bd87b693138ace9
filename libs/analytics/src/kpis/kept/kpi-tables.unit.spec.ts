import { CATALOG_PERIOD_CHANGES, KPI_CATALOG, periodChangesOf } from '@presales/kpi';
import { describe, expect, it } from 'vitest';
import { FACT_TABLES } from '../../projection/facts/index.js';
import { tablesReadBy } from './kpi-tables.js';

const FX = { reportingCurrency: 'CNY', rates: { CNY: '1' } };
const columnsOf = new Map(FACT_TABLES.map((fact) => [fact.table.name, new Set(fact.table.columns.map((c) => c.name))]));

describe("the catalog's declarations of the periods a row changes", () => {
  it.each(KPI_CATALOG.map((definition) => [definition.id, definition] as const))(
    '%s declares only tables it reads, by columns those tables have',
    (_id, definition) => {
      const reads = tablesReadBy(definition, FX);
      expect(reads.length).toBeGreaterThan(0);
      for (const table of reads) expect(columnsOf.has(table), `${table} is a fact table`).toBe(true);
      const changes = periodChangesOf(definition)!;
      for (const [table, change] of Object.entries(CATALOG_PERIOD_CHANGES[definition.id] ?? {})) {
        expect(reads, `${definition.id} declares ${table}`).toContain(table);
        if (change !== 'every_period')
          for (const column of change.endingAfter)
            expect(columnsOf.get(table)!.has(column), `${table}.${column}`).toBe(true);
        expect(changes(table)).toBe(change);
      }
    },
  );

  it('keeps no values for a definition whose SQL, aggregate or parameters are not the catalog’s', () => {
    const winRate = KPI_CATALOG.find((d) => d.id === 'win_rate')!;
    expect(periodChangesOf({ ...winRate, version: 3, defaultTarget: '0.9', weight: '5' })).toBeDefined();
    expect(periodChangesOf({ ...winRate, sql: `${winRate.sql} AND 1` })).toBeUndefined();
    expect(periodChangesOf({ ...winRate, aggregate: 'mean' })).toBeUndefined();
    expect(periodChangesOf({ ...winRate, parameters: { x: { y: 1 } } })).toBeUndefined();
    expect(periodChangesOf({ ...winRate, id: 'my_rate' })).toBeUndefined();
  });

  it('lists the tables a macro reads (closures are won, lost and qualified out)', () => {
    expect(
      tablesReadBy(
        KPI_CATALOG.find((d) => d.id === 'win_rate')!,
        FX,
      ).sort(),
    ).toEqual(['opportunity_lost', 'opportunity_qualified_out', 'opportunity_won']);
  });
});
