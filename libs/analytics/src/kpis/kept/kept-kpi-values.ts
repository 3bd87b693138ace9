import { formatPeriod, periodChangesOf, type PeriodChanges, type PublishedKpi } from '@presales/kpi';
import type { AnalyticsStore } from '../../analytics-store.port.js';
import { sqlIdentifier, sqlValue } from '../../sql/escape.js';
import type { KpiActual } from '../kpi-actual.js';
import type { KeptActuals } from './kept-actuals.js';
import type { FxRates, KpiQuery } from '../kpi-query.js';
import { aggregateSql, renderKpiSql } from '../render-kpi-sql.js';
import { definitionKey } from './definition-key.js';
import { KEPT_THROUGH_TABLE, KEPT_VALUES_TABLE } from './kept-value-tables.js';

/** Through which checkpoint a definition's values are current, and for which periods. */
export interface KeptState {
  readonly through: bigint;
  /** The latest recorded instant of any row the values reflect. */
  readonly recordedThroughMs: number;
  readonly periods: ReadonlySet<string>;
}

/** A definition whose values can be kept: the catalog's, with its declarations and key. */
export interface KeepableKpi {
  readonly definition: PublishedKpi;
  readonly key: string;
  readonly changes: PeriodChanges;
}

/** The definitions of `definitions` whose values can be kept, with the rates they are computed with. */
export function keepableKpis(definitions: readonly PublishedKpi[], fx: FxRates): KeepableKpi[] {
  return definitions.flatMap((definition) => {
    const changes = periodChangesOf(definition);
    return changes === undefined ? [] : [{ definition, key: definitionKey(definition, fx), changes }];
  });
}

/**
 * The values of KPIs kept per period at org scope (decision 0054): what `computeKpis` answers on
 * whole tables, computed after the read models change (refreshKeptValues) and read back with one
 * statement. A value is answered from here only while the definition's values are current through
 * the projection's checkpoint, and, as of a moment, when every row they reflect was recorded by
 * then: a kept answer is the one computing it would give; anything
 * else (another scope, a project type, a definition not the catalog's, a period not kept) is
 * computed as before.
 */
export class KeptKpiValues implements KeptActuals {
  private readonly states = new Map<string, KeptState>();

  private constructor(
    /** The store holding the kept tables, read and written as the platform (not through the KPI gate). */
    readonly store: AnalyticsStore,
    /** The position through which the read models hold every event (the projector's checkpoint). */
    private readonly checkpoint: () => bigint,
  ) {}

  /** The kept values' states as the tables hold them (after a restart: what the last refresh wrote). */
  static async open(store: AnalyticsStore, checkpoint: () => bigint): Promise<KeptKpiValues> {
    const kept = new KeptKpiValues(store, checkpoint);
    await kept.load();
    return kept;
  }

  private async load(): Promise<void> {
    const [throughs, periods] = await Promise.all([
      this.store.query<{ definition_key: string; kept_through: string; recorded: number | string }>(
        `SELECT definition_key, toString(max(through)) AS kept_through, argMax(recorded_through_ms, through) AS recorded FROM ${sqlIdentifier(KEPT_THROUGH_TABLE.name)} GROUP BY definition_key`,
      ),
      this.store.query<{ definition_key: string; periods: string[] }>(
        `SELECT definition_key, groupUniqArray(period) AS periods FROM ${sqlIdentifier(KEPT_VALUES_TABLE.name)} GROUP BY definition_key`,
      ),
    ]);
    const periodsOf = new Map(periods.map((row) => [row.definition_key, new Set(row.periods)]));
    this.states.clear();
    for (const row of throughs)
      this.states.set(row.definition_key, {
        through: BigInt(row.kept_through),
        recordedThroughMs: Number(row.recorded),
        periods: periodsOf.get(row.definition_key) ?? new Set(),
      });
  }

  /** A definition's kept state; undefined when nothing is kept for it. */
  stateOf(key: string): KeptState | undefined {
    return this.states.get(key);
  }

  /** A refresh wrote the values of `periods` through `through` (refreshKeptValues). */
  recorded(key: string, through: bigint, recordedThroughMs: number, periods: Iterable<string>): void {
    const before = this.states.get(key)?.periods ?? new Set<string>();
    this.states.set(key, { through, recordedThroughMs, periods: new Set([...before, ...periods]) });
  }

  /** Forget every state: a rebuild emptied the tables, and everything is computed again. */
  forget(key?: string): void {
    if (key === undefined) this.states.clear();
    else this.states.delete(key);
  }

  async read(queries: readonly KpiQuery[]): Promise<ReadonlyMap<number, KpiActual>> {
    const checkpoint = this.checkpoint();
    const wanted = new Map<string, number[]>();
    queries.forEach((query, i) => {
      if (query.scope.kind !== 'org' || query.projectType !== undefined) return;
      if (periodChangesOf(query.definition) === undefined) return;
      const key = definitionKey(query.definition, query.fx);
      const state = this.states.get(key);
      const period = formatPeriod(query.period);
      if (state === undefined || state.through < checkpoint || !state.periods.has(period)) return;
      // As of a moment before a row they reflect was recorded, the values are not the answer.
      if (query.wholeTables !== true && state.recordedThroughMs > query.asOf.getTime()) return;
      const cell = `${key} ${period}`;
      wanted.set(cell, [...(wanted.get(cell) ?? []), i]);
    });
    if (wanted.size === 0) return new Map();
    const cells = [...wanted.keys()].map((cell) => cell.split(' ') as [string, string]);
    const rows = await this.store.query<{
      definition_key: string;
      period: string;
      value: number | null;
      units: number | string;
      error: string;
    }>(
      `SELECT definition_key, period, value, units, error FROM ${sqlIdentifier(KEPT_VALUES_TABLE.name)} FINAL
WHERE definition_key IN (${[...new Set(cells.map(([key]) => key))].map(sqlValue).join(', ')})
  AND period IN (${[...new Set(cells.map(([, period]) => period))].map(sqlValue).join(', ')})`,
    );
    const actuals = new Map<number, KpiActual>();
    for (const row of rows) {
      for (const i of wanted.get(`${row.definition_key} ${row.period}`) ?? []) {
        const query = queries[i]!;
        // The SQL that computes the same value, as asked: the trace a computed answer gives.
        const sql = aggregateSql(query.definition.aggregate, renderKpiSql(query.definition.sql, query));
        const value = row.value === null ? null : Number(row.value);
        actuals.set(
          i,
          row.error === ''
            ? { value, units: Number(row.units), sql }
            : { value: null, units: 0, sql, error: row.error },
        );
      }
      wanted.delete(`${row.definition_key} ${row.period}`);
    }
    // A value the state says is kept and the table does not hold (a rebuild emptied it while
    // this process ran): computed now, and every period of its definition again by the next refresh.
    for (const cell of wanted.keys()) this.forget(cell.split(' ')[0]);
    return actuals;
  }
}
