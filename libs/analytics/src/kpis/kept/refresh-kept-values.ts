import { formatPeriod, type Period, type PublishedKpi } from '@presales/kpi';
import type { AnalyticsStore } from '../../analytics-store.port.js';
import { computeKpis } from '../compute-kpi.js';
import type { FxRates, KpiQuery } from '../kpi-query.js';
import { columnsOf, keptPeriods, periodsChanged, type NewRows } from './kept-periods.js';
import { keepableKpis, type KeepableKpi, type KeptKpiValues } from './kept-kpi-values.js';
import { KEPT_THROUGH_TABLE, KEPT_VALUES_TABLE } from './kept-value-tables.js';
import { tablesReadBy } from './kpi-tables.js';
import { newRowsAfter } from './new-rows.js';

/** KPI-periods computed per statement group: a scorecard's worth, so a manager's question waits for one at most. */
const CHUNK = 56;

export interface RefreshProgress {
  readonly computed: number;
  readonly total: number;
}

export interface RefreshOptions {
  /** The position through which the read models hold every event, read before anything else. */
  readonly checkpoint: bigint;
  /** Periods up to the one holding this instant are kept. */
  readonly now: Date;
  readonly onProgress?: (progress: RefreshProgress) => void;
  /** Stops between statement groups; what was computed is written, the states are not moved. */
  readonly signal?: AbortSignal;
}

export interface RefreshReport {
  /** KPI-periods computed and written. */
  readonly computed: number;
  /** Definitions whose values are now current through the checkpoint. */
  readonly current: number;
  readonly stopped: boolean;
}

interface Planned {
  readonly kpi: KeepableKpi;
  readonly periods: readonly Period[];
  /** The latest recorded instant of a row the definition's values reflect once these are computed. */
  readonly recordedThroughMs: number;
}

/**
 * Brings the kept values of the catalog's definitions in force up to `checkpoint` (decision
 * 0054): a definition kept for the first time has every period computed; one kept through an
 * earlier checkpoint has only the periods its declarations say the rows projected since can
 * change, and any period new since (a month begun). Each value is computed by `computeKpis` on
 * whole tables, written with the checkpoint as its version, and the definition's state moves only
 * once all of its periods are written: a refresh stopped halfway leaves the states where they
 * were, so the values it wrote are computed again by the next. The KPIs' SQL runs on `kpiStore`
 * (the platform's KPI gate, decision 0024); the kept tables are the platform's own.
 */
export async function refreshKeptValues(
  kpiStore: AnalyticsStore,
  kept: KeptKpiValues,
  definitions: readonly PublishedKpi[],
  fx: FxRates,
  options: RefreshOptions,
): Promise<RefreshReport> {
  const { store } = kept;
  const kpis = keepableKpis(definitions, fx);
  const periods = await periodsToKeep(store, options.now);
  const plan = await planRefresh(store, kept, kpis, periods, fx, options.checkpoint);
  const queries = plan.flatMap(({ kpi, periods: due }) =>
    due.map((period): KpiQuery => ({
      definition: kpi.definition,
      period,
      scope: { kind: 'org' },
      asOf: options.now,
      fx,
      wholeTables: true,
    })),
  );
  const keys = queries.map((query) => plan.find((p) => p.kpi.definition === query.definition)!.kpi.key);
  let computed = 0;
  for (let start = 0; start < queries.length; start += CHUNK) {
    if (options.signal?.aborted === true) return { computed, current: 0, stopped: true };
    const chunk = queries.slice(start, start + CHUNK);
    const actuals = await computeKpis(kpiStore, chunk);
    await store.insert(
      KEPT_VALUES_TABLE.name,
      chunk.map((query, i) => ({
        definition_key: keys[start + i]!,
        period: formatPeriod(query.period),
        value: actuals[i]!.value,
        units: actuals[i]!.units,
        error: actuals[i]!.error ?? '',
        version: Number(options.checkpoint),
      })),
    );
    computed += chunk.length;
    options.onProgress?.({ computed, total: queries.length });
  }
  if (plan.length > 0)
    await store.insert(
      KEPT_THROUGH_TABLE.name,
      plan.map(({ kpi, recordedThroughMs }) => {
        const through = Number(options.checkpoint);
        return { definition_key: kpi.key, through, recorded_through_ms: recordedThroughMs, version: through };
      }),
    );
  const keptPeriodNames = periods.map(formatPeriod);
  for (const { kpi, recordedThroughMs } of plan)
    kept.recorded(kpi.key, options.checkpoint, recordedThroughMs, keptPeriodNames);
  return { computed, current: kpis.length, stopped: false };
}

/** The months and quarters from the first business time the store holds to now; none for an empty store. */
async function periodsToKeep(store: AnalyticsStore, now: Date): Promise<Period[]> {
  const [row] = await store.query<{ first: number | string; events: number | string }>(
    'SELECT toString(min(occurred_at_ms)) AS first, count() AS events FROM events',
  );
  if (row === undefined || Number(row.events) === 0) return [];
  return keptPeriods(new Date(Number(row.first)), now);
}

/** Which periods of which definitions to compute: all for a definition new here, else those changed or new. */
async function planRefresh(
  store: AnalyticsStore,
  kept: KeptKpiValues,
  kpis: readonly KeepableKpi[],
  periods: readonly Period[],
  fx: FxRates,
  checkpoint: bigint,
): Promise<Planned[]> {
  const tables = new Map(kpis.map((kpi) => [kpi.key, tablesReadBy(kpi.definition, fx)]));
  // Every definition is asked about the rows after its own checkpoint (all rows for one new
  // here, for the latest recorded instant they hold); usually one statement.
  const throughOf = (kpi: KeepableKpi) => kept.stateOf(kpi.key)?.through ?? 0n;
  const throughs = [
    ...new Set(kpis.flatMap((kpi) => ((kept.stateOf(kpi.key)?.through ?? -1n) >= checkpoint ? [] : [throughOf(kpi)]))),
  ];
  const newRows = new Map(
    await Promise.all(
      throughs.map(async (through) => {
        const columns = new Map<string, Set<string>>();
        for (const kpi of kpis)
          if (throughOf(kpi) === through)
            for (const table of tables.get(kpi.key)!) {
              // Business time always: each table's array of least values then has a type of its own.
              const asked = columns.get(table) ?? new Set(['occurred_at_ms']);
              for (const column of columnsOf(kpi.changes(table))) asked.add(column);
              columns.set(table, asked);
            }
        const byTable = new Map([...columns].map(([table, asked]) => [table, [...asked]] as const));
        return [through, await newRowsAfter(store, through, byTable)] as const;
      }),
    ),
  );
  return kpis.map((kpi): Planned => {
    const state = kept.stateOf(kpi.key);
    const gained = newRows.get(throughOf(kpi)) ?? new Map<string, NewRows>();
    const recordedThroughMs = Math.max(
      state?.recordedThroughMs ?? 0,
      ...tables
        .get(kpi.key)!
        .map((table) => ((gained.get(table)?.count ?? 0) > 0 ? gained.get(table)!.latestRecorded : 0)),
    );
    if (state === undefined) return { kpi, periods, recordedThroughMs };
    const missing = periods.filter((period) => !state.periods.has(formatPeriod(period)));
    const changed =
      state.through >= checkpoint ? [] : periodsChanged(periods, tables.get(kpi.key)!, kpi.changes, gained);
    const due = new Set([...missing, ...changed].map(formatPeriod));
    return { kpi, periods: periods.filter((period) => due.has(formatPeriod(period))), recordedThroughMs };
  });
}
