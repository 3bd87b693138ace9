import type { MaturityResponse } from '@presales/contracts';
import type { OracleMaturity } from '@presales/kpi-oracle';

/** The platform lists the first 50 failing units in id order (assess-maturity.ts). */
const FAILING_SHOWN = 50;

/**
 * Practices whose failing units the platform lists. `actions_effective` lists none (an action is
 * not a KPI-quarter), and `composite_improved` explains itself in words instead.
 */
const LISTS_UNITS = (id: string) => !id.endsWith('.actions_effective') && !id.endsWith('.composite_improved');

const sorted = (ids: readonly string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Every difference between the platform's answer and the oracle's, as one line each (none: they agree). */
export function maturityMismatches(label: string, platform: MaturityResponse, oracle: OracleMaturity): string[] {
  const mismatches: string[] = [];
  const differ = (what: string, sql: unknown, expected: unknown) => {
    if (JSON.stringify(sql) !== JSON.stringify(expected))
      mismatches.push(`${label} ${what}: platform ${JSON.stringify(sql)} ≠ oracle ${JSON.stringify(expected)}`);
  };
  differ('window', platform.window.quarters, oracle.window.quarters);
  differ(
    'areas',
    platform.areas.map((a) => a.area),
    oracle.areas.map((a) => a.area),
  );
  for (const expected of oracle.areas) {
    const area = platform.areas.find((a) => a.area === expected.area);
    if (area === undefined) continue;
    differ(`${expected.area} level`, area.level, expected.level);
    const practices = area.levels.flatMap((level) =>
      level.practices.map((practice) => ({ ...practice, level: level.level })),
    );
    differ(
      `${expected.area} practices`,
      practices.map((p) => p.id),
      expected.practices.map((p) => p.id),
    );
    for (const want of expected.practices) {
      const got = practices.find((p) => p.id === want.id);
      if (got === undefined) continue;
      differ(
        `${want.id} level/units/evidence/threshold/passed`,
        [got.level, got.units, got.evidence, got.threshold, got.passed],
        [want.level, want.units, want.evidence, want.threshold, want.passed],
      );
      // Levels 2 and 3 must list the first failing units in id order; 4 and 5 list KPI-quarters in scorecard order.
      const listed = want.level <= 3 ? got.failingUnitIds : sorted(got.failingUnitIds);
      if (LISTS_UNITS(want.id)) differ(`${want.id} failing units`, listed, want.failingUnitIds.slice(0, FAILING_SHOWN));
    }
  }
  return mismatches;
}
