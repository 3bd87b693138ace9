import { loadavg } from 'node:os';
import { computeKpis, renderKpiSql, type KpiQuery } from '@presales/analytics';
import { formatPeriod, KPI_CATALOG, periodsBetween, previousPeriod, type Aggregate, type Period } from '@presales/kpi';
import { expect, it } from 'vitest';
import { DEMO_FX, withDemoOnChdb } from './demo-on-chdb.js';
import { median } from './measure.js';

/**
 * Issue 21's first item, measured before it is built: a scorecard read from KPI units kept per
 * month, against the same scorecard computed from the fact tables (decision 0053). On the demo
 * data (seed 1, chDB), every catalog KPI's units of 24 months at org scope are written into one
 * table by the KPI's own SQL; then every month's 28 values are read back from it, aggregated in
 * TypeScript by each definition's aggregate, and compared with computeKpis, and the two ways are
 * timed in turns. Org scope and live only: the units carry no scope keys and no recorded instant
 * yet, which is what the design has still to settle. Opt-in (BENCH_KPI_UNITS=1).
 */
const RUNS = 9;
const UNITS_TABLE = 'kpi_units_trial';

interface UnitRow {
  readonly kpi: string;
  readonly period: string;
  readonly num: number;
  readonly den: number;
  readonly grp: number;
}

/** A KPI's value from its units, as aggregateSql computes it in the engine. */
function aggregateOf(aggregate: Aggregate, units: readonly UnitRow[]): { value: number | null; units: number } {
  const sum = (rows: readonly UnitRow[], pick: (row: UnitRow) => number) => rows.reduce((t, row) => t + pick(row), 0);
  const count = units.length;
  switch (aggregate) {
    case 'ratio': {
      const den = sum(units, (u) => u.den);
      return { value: den === 0 ? null : sum(units, (u) => u.num) / den, units: count };
    }
    case 'mean':
      return { value: count === 0 ? null : sum(units, (u) => u.num) / count, units: count };
    case 'sum':
      return { value: sum(units, (u) => u.num), units: count };
    case 'median': {
      const sorted = units.map((u) => u.num).sort((a, b) => a - b);
      const middle = Math.floor(count / 2);
      const value =
        count === 0 ? null : count % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
      return { value, units: count };
    }
    case 'lift': {
      const of = (grp: number) => units.filter((u) => u.grp === grp);
      const [treated, others] = [of(1), of(0)];
      const [dt, d0] = [sum(treated, (u) => u.den), sum(others, (u) => u.den)];
      const value = dt === 0 || d0 === 0 ? null : sum(treated, (u) => u.num) / dt - sum(others, (u) => u.num) / d0;
      return { value, units: count };
    }
  }
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

it.runIf(process.env['BENCH_KPI_UNITS'] === '1')(
  'reads a scorecard from KPI units kept per month, equal to the one computed from the fact tables',
  () =>
    withDemoOnChdb('kpi-units', undefined, async ({ store }) => {
      const asOf = new Date();
      // The demo's history ends in 2026-01: its last 24 whole months.
      const months = periodsBetween(new Date('2024-01-01T00:00:00Z'), new Date('2025-12-31T00:00:00Z'), 'month');
      const queryOf = (definition: (typeof KPI_CATALOG)[number], period: Period): KpiQuery => ({
        definition,
        period,
        scope: { kind: 'org' },
        asOf,
        fx: DEMO_FX,
        wholeTables: true,
      });

      await store.command(
        `CREATE TABLE ${UNITS_TABLE} (kpi String, period String, unit_id String, num Float64, den Float64, grp UInt8) ENGINE = MergeTree ORDER BY (period, kpi)`,
      );
      // Written by the KPI's own SQL, so the units are today's by construction.
      const writeStarted = performance.now();
      for (const period of months)
        for (const definition of KPI_CATALOG)
          await store.command(
            `INSERT INTO ${UNITS_TABLE} SELECT '${definition.id}', '${formatPeriod(period)}', toString(unit_id), toFloat64(num), toFloat64(den), toUInt8(grp) FROM (\n${renderKpiSql(definition.sql, queryOf(definition, period))}\n) AS units`,
          );
      const writeMs = performance.now() - writeStarted;
      const [written] = await store.query<{ rows: number }>(`SELECT count() AS rows FROM ${UNITS_TABLE}`);
      const rows = Number(written?.rows ?? 0);

      const fromUnits = async (period: Period) => {
        const asked = [formatPeriod(period), formatPeriod(previousPeriod(period))];
        const units = await store.query<UnitRow>(
          `SELECT kpi, period, num, den, grp FROM ${UNITS_TABLE} WHERE period IN ('${asked[0]}', '${asked[1]}')`,
        );
        const byKey = new Map<string, UnitRow[]>();
        for (const unit of units) {
          const key = `${unit.kpi} ${unit.period}`;
          (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(unit);
        }
        return asked.flatMap((p) =>
          KPI_CATALOG.map((definition) => aggregateOf(definition.aggregate, byKey.get(`${definition.id} ${p}`) ?? [])),
        );
      };
      const computed = (period: Period) =>
        computeKpis(
          store,
          [period, previousPeriod(period)].flatMap((p) => KPI_CATALOG.map((definition) => queryOf(definition, p))),
        );

      // Equal on every KPI of every month but the first (its previous month was not written).
      let compared = 0;
      for (const period of months.slice(1)) {
        const [mine, theirs] = [await fromUnits(period), await computed(period)];
        theirs.forEach((actual, i) => {
          expect('error' in actual ? actual.error : undefined).toBeUndefined();
          const ok = close(mine[i]!.value, actual.value) && mine[i]!.units === actual.units;
          if (!ok)
            throw new Error(
              `${KPI_CATALOG[i % KPI_CATALOG.length]!.id} ${formatPeriod(period)}: units ${JSON.stringify(mine[i])}, computed ${actual.value} of ${actual.units}`,
            );
          compared += 1;
        });
      }

      const period = months[months.length - 1]!;
      const timing = { units: [] as number[], computed: [] as number[] };
      const loadBefore = loadavg()[0]!;
      for (let run = 0; run < RUNS; run += 1) {
        let start = performance.now();
        await fromUnits(period);
        timing.units.push(performance.now() - start);
        start = performance.now();
        await computed(period);
        timing.computed.push(performance.now() - start);
      }
      const ratios = timing.units.map((ms, i) => timing.computed[i]! / ms);
      console.log(
        [
          `KPI units on the demo data (seed 1, chDB), ${KPI_CATALOG.length} KPIs × ${months.length} months, org, live (load average ${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}):`,
          `  written by each KPI's SQL: ${rows} unit rows in ${Math.round(writeMs)} ms (${(writeMs / (KPI_CATALOG.length * months.length)).toFixed(1)} ms a KPI-month)`,
          `  equal to computeKpis: ${compared} KPI-months`,
          `  scorecard of ${formatPeriod(period)} and its previous month, ${RUNS} runs in turns: from the units median ${median(timing.units).toFixed(1)} ms (${Math.min(...timing.units).toFixed(1)} – ${Math.max(...timing.units).toFixed(1)}), computed median ${median(timing.computed).toFixed(1)} ms (${Math.min(...timing.computed).toFixed(1)} – ${Math.max(...timing.computed).toFixed(1)}), computed ÷ units median of per-run ratios ${median(ratios).toFixed(1)}`,
        ].join('\n'),
      );
    }),
  600_000,
);
