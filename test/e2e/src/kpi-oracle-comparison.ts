import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeKpi, formatScope, type AnalyticsStore, type FxRates, type KpiScope } from '@presales/analytics';
import { DemoClock, generateDemo, loadDemo } from '@presales/demo';
import type { RecordedEvent } from '@presales/event-store';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { KPI_CATALOG, parsePeriod } from '@presales/kpi';
import { oracleKpi } from '@presales/kpi-oracle';
import { expect } from 'vitest';

/**
 * The correctness oracle of issue 5, shared by the single-server and the cluster suites: on
 * generated histories, every KPI computed by the product's ClickHouse SQL equals the same KPI
 * folded from the raw events in plain TypeScript (test/kpi-oracle, written independently from
 * docs/kpis.md), for several periods, scopes and moments.
 */
export const ORACLE_SEEDS = [1, 7, 2026];
const DEMO_EVENTS = 6000;
const PERIODS = ['2024-09', '2025-Q1', '2025-06'];
const AS_OFS = ['2025-04-15T00:00:00.000Z', '2026-06-01T00:00:00.000Z'];
const FX: FxRates = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'config', 'fx-rates.json'), 'utf8'),
) as FxRates;

/** Equal, but for float sums: to 1e-9 relative. */
function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/** The org and one team, consultant and product line of the history. */
function scopesOf(events: readonly RecordedEvent[]): KpiScope[] {
  const consultant = events.find((e) => e.type === 'ConsultantOnboarded')!;
  const opportunity = events.find((e) => e.type === 'OpportunityRegistered')!;
  return [
    { kind: 'org' },
    { kind: 'team', id: String(consultant.data['teamId']) },
    { kind: 'consultant', id: String(consultant.data['consultantId']) },
    { kind: 'product_line', id: String((opportunity.data['productLines'] as string[])[0]) },
  ];
}

/** A generated history of one seed, in a SQLite event store in a folder of its own. */
export interface OracleHistory {
  readonly dir: string;
  readonly eventStore: SqliteEventStore;
  readonly events: readonly RecordedEvent[];
  /** Closes the store and removes the folder. */
  remove(): Promise<void>;
}

export async function oracleHistory(seed: number, prefix: string): Promise<OracleHistory> {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-${seed}-`));
  const clock = new DemoClock();
  const eventStore = SqliteEventStore.open({
    file: join(dir, 'events.sqlite'),
    durability: 'normal',
    clock: clock.read,
  });
  const remove = async () => {
    await eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await loadDemo(generateDemo({ seed, scale: DEMO_EVENTS }), eventStore, clock);
    return { dir, eventStore, events: await eventStore.readAll(), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

export interface OracleComparison {
  /** One line per KPI, period, scope and moment where a store differs from the oracle or from the first store. */
  readonly mismatches: readonly string[];
  readonly compared: number;
  /** How many the oracle had a value other than none or 0 for. */
  readonly withData: number;
}

/** Every catalog KPI of the history as each store (named) computes it, against the oracle's fold of its events. */
export async function compareWithOracle(
  events: readonly RecordedEvent[],
  stores: Readonly<Record<string, AnalyticsStore>>,
): Promise<OracleComparison> {
  const named = Object.entries(stores);
  const mismatches: string[] = [];
  let compared = 0;
  let withData = 0;
  for (const asOf of AS_OFS) {
    for (const periodText of PERIODS) {
      for (const scope of scopesOf(events)) {
        for (const definition of KPI_CATALOG) {
          const request = { definition, period: parsePeriod(periodText), scope, asOf: new Date(asOf), fx: FX };
          const values = await Promise.all(named.map(async ([, store]) => (await computeKpi(store, request)).value));
          const oracle = oracleKpi(definition.id, events, {
            period: periodText,
            scope: scope.kind === 'org' ? { kind: 'org' } : scope,
            asOf,
            fx: FX,
            parameters: { slaHoursByKind: definition.parameters['slaHoursByKind'] ?? {} },
          });
          compared += 1;
          if (oracle !== null && oracle !== 0) withData += 1;
          const where = `${definition.id} ${periodText} ${formatScope(scope)} asOf ${asOf}`;
          named.forEach(([name], i) => {
            if (!close(values[i]!, oracle)) mismatches.push(`${where}: ${name} ${values[i]} ≠ oracle ${oracle}`);
            if (i > 0 && !close(values[i]!, values[0]!))
              mismatches.push(`${where}: ${name} ${values[i]} ≠ ${named[0]![0]} ${values[0]}`);
          });
        }
      }
    }
  }
  return { mismatches, compared, withData };
}

/** No mismatch, every combination compared, and a history that exercises the KPIs rather than comparing nulls with nulls. */
export function expectAgreement(comparison: OracleComparison): void {
  expect(comparison.mismatches).toEqual([]);
  expect(comparison.compared).toBe(AS_OFS.length * PERIODS.length * 4 * KPI_CATALOG.length);
  expect(comparison.withData).toBeGreaterThan(comparison.compared / 3);
}
