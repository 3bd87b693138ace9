import { KPI_CATALOG, parsePeriod } from '@presales/kpi';
import { describe, expect, it } from 'vitest';
import { TEST_FX } from '../testing/kpi.contract.js';
import type { KpiQuery } from './kpi-query.js';
import { aggregateSql, mondays, renderKpiSql } from './render-kpi-sql.js';

const winRate = KPI_CATALOG.find((d) => d.id === 'win_rate')!;
const asOf = new Date('2026-06-30T00:00:00Z');
const query = (overrides: Partial<KpiQuery> = {}): KpiQuery => ({
  definition: winRate,
  period: parsePeriod('2026-05'),
  scope: { kind: 'org' },
  asOf,
  fx: TEST_FX,
  ...overrides,
});

describe('renderKpiSql', () => {
  it('reads every table as of asOf, filtered while reading', () => {
    const sql = renderKpiSql(winRate.sql, query());
    expect(sql).toContain(`(SELECT * FROM opportunity_won FINAL PREWHERE recorded_at_ms <= ${asOf.getTime()}) AS cw`);
    expect(sql).toContain('occurred_at_ms');
    expect(sql).not.toMatch(/\{\{/);
  });

  it('reads tables whole when nothing in them was recorded after asOf (a live answer)', () => {
    const sql = renderKpiSql(winRate.sql, query({ wholeTables: true }));
    expect(sql).toContain('(SELECT * FROM opportunity_won FINAL) AS cw');
    expect(sql).toContain('(SELECT * FROM opportunity_lost FINAL) AS cl');
    expect(sql).not.toContain('recorded_at_ms');
  });

  it('writes the Mondays of a period as an array of epoch milliseconds', () => {
    const overload = KPI_CATALOG.find((d) => d.id === 'overload_share')!;
    const sql = renderKpiSql(overload.sql, query({ definition: overload }));
    const expected = mondays(new Date('2026-05-01T00:00:00Z'), new Date('2026-06-01T00:00:00Z'));
    expect(expected).toHaveLength(4);
    expect(sql).toContain(`[${expected.join(', ')}]`);
  });
});

describe('aggregateSql', () => {
  it('selects a leading column beside value and units, in the same SELECT, for every aggregate', () => {
    for (const aggregate of ['ratio', 'mean', 'sum', 'median', 'lift'] as const) {
      const sql = aggregateSql(aggregate, 'SELECT 1 AS num, 1 AS den, 0 AS grp', 'toUInt32(7) AS slot');
      expect(sql, aggregate).toMatch(/^SELECT toUInt32\(7\) AS slot, .* AS value, .* AS units/s);
      expect(aggregateSql(aggregate, 'SELECT 1 AS num, 1 AS den, 0 AS grp'), aggregate).not.toContain('slot');
    }
  });
});
