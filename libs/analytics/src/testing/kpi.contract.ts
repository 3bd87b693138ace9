import { KPI_CATALOG, MATURITY_PRACTICES, parsePeriod, PROCESS_AREAS } from '@presales/kpi';
import { assessMaturity } from '../maturity/assess-maturity.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { computeKpi, kpiUnits } from '../kpis/compute-kpi.js';
import type { FxRates, KpiScope } from '../kpis/kpi-query.js';
import { migrate } from '../schema/migrations.js';

export const TEST_FX: FxRates = { reportingCurrency: 'CNY', rates: { CNY: '1', USD: '7.1' } };
const SCOPES: KpiScope[] = [{ kind: 'org' }, { kind: 'team', id: 'T-1' }, { kind: 'consultant', id: 'C-1' }, { kind: 'product_line', id: 'erp' }];

/** Every KPI's SQL runs on this engine, for every kind of scope, month and quarter, and answers "no data" on empty tables. */
export function describeKpiSqlContract(openStore: () => Promise<AnalyticsStore>): void {
  describe('KPI SQL', () => {
    let store: AnalyticsStore;
    beforeAll(async () => {
      store = await openStore();
      await migrate(store);
    });

    it.each(KPI_CATALOG.map((definition) => [definition.id, definition] as const))('%s runs on empty tables for every scope', async (_id, definition) => {
      for (const scope of SCOPES) {
        for (const period of ['2026-03', '2026-Q1']) {
          const actual = await computeKpi(store, { definition, period: parsePeriod(period), scope, asOf: new Date('2026-12-31T00:00:00Z'), fx: TEST_FX });
          expect(actual.units).toBe(0);
          expect(actual.value).toBe(definition.aggregate === 'sum' ? 0 : null);
        }
      }
      const drill = await kpiUnits(store, { definition, period: parsePeriod('2026-03'), scope: { kind: 'org' }, asOf: new Date(), fx: TEST_FX });
      expect(drill.units).toEqual([]);
    });

    it('assesses maturity on empty tables: every practice runs and every area is Initial', async () => {
      const result = await assessMaturity(store, { asOf: new Date('2026-08-15T00:00:00Z'), windowQuarters: 2, threshold: 0.8, definitions: KPI_CATALOG, fx: TEST_FX });
      expect(result.window).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z', quarters: ['2026-Q1', '2026-Q2'] });
      expect(result.areas.map((a) => [a.area, a.level])).toEqual(PROCESS_AREAS.map((area) => [area, 1]));
      const practices = result.areas.flatMap((a) => a.levels.flatMap((l) => l.practices.map((p) => p.id)));
      for (const practice of MATURITY_PRACTICES) expect(practices).toContain(practice.id);
    });
  });
}
