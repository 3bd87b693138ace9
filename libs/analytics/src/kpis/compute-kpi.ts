import { isStatementFault } from './statement-fault.js';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { balancedGroups } from './balanced-groups.js';
import type { KpiQuery } from './kpi-query.js';
import type { KeptActuals } from './kept/kept-actuals.js';
import type { KpiActual } from './kpi-actual.js';
import { recordedThrough } from './recorded-through.js';
import { aggregateSql, renderKpiSql } from './render-kpi-sql.js';

export type { KpiActual, KpiFailure, KpiValue } from './kpi-actual.js';

export class KpiComputationError extends Error {
  constructor(
    readonly kpiId: string,
    message: string,
  ) {
    super(`KPI ${kpiId}: ${message}`);
    this.name = 'KpiComputationError';
  }
}

/** Why a computed value is not a number: ClickHouse's transform() gives nan for a currency it was not given. */
function missingRate(value: number): string {
  return `the value is ${value}: an amount is in a currency missing from config/fx-rates.json`;
}

/** Do: the KPI's actual for one period and scope, as of a moment, computed by ClickHouse. */
export async function computeKpi(store: AnalyticsStore, query: KpiQuery): Promise<KpiActual> {
  const sql = aggregateSql(query.definition.aggregate, renderKpiSql(query.definition.sql, query));
  const [row] = await store.query<{ value: number | null; units: number }>(sql);
  const value = row?.value ?? null;
  if (value !== null && !Number.isFinite(value)) {
    throw new KpiComputationError(query.definition.id, missingRate(value));
  }
  return { value, units: Number(row?.units ?? 0), sql };
}

export interface KpiUnit {
  readonly unitId: string;
  readonly num: number;
  readonly den: number;
  readonly group: number;
}

/**
 * The units behind a KPI value (drill-down: which opportunities, tenders, consultant-weeks…), the
 * first `limit` in id order; `truncated` says there are more.
 */
export async function kpiUnits(
  store: AnalyticsStore,
  query: KpiQuery,
  limit = 1000,
): Promise<{ units: KpiUnit[]; truncated: boolean; sql: string }> {
  const shown = Math.max(1, Math.floor(limit));
  const units = `SELECT unit_id, num, den, grp FROM (\n${renderKpiSql(query.definition.sql, query)}\n) AS units ORDER BY unit_id`;
  // One row more than shown tells whether the list was cut; the SQL given for tracing has none.
  const rows = await store.query<{ unit_id: string; num: number; den: number; grp: number }>(
    `${units} LIMIT ${shown + 1}`,
  );
  return {
    sql: `${units} LIMIT ${shown}`,
    truncated: rows.length > shown,
    units: rows
      .slice(0, shown)
      .map((r) => ({ unitId: r.unit_id, num: Number(r.num), den: Number(r.den), group: Number(r.grp) })),
  };
}

/** A KPI's SQL as rendered for a question, and how often its table macros named a copy. */
export interface RenderedKpi {
  readonly sql: string;
  /** Names of a scratch copy the macros wrote (decision 0045); 0 when tables are read in place. */
  readonly copyReads: number;
}

/** Where a question's KPI statements run, and how each KPI's SQL names its tables. */
export interface KpiStatements {
  /** How many statements run at the same time. */
  readonly concurrent: number;
  render(query: KpiQuery): RenderedKpi;
  /** A statement of KPI SQL, user SQL (decision 0024), naming copies `copyReads` times. */
  run<Row extends object>(sql: string, copyReads: number): Promise<Row[]>;
}

/** KPI statements on the store's read sessions, each table read in place as of the query's asOf. */
export function storeKpiStatements(store: AnalyticsStore): KpiStatements {
  return {
    concurrent: store.capabilities.concurrentQueries,
    render: (query) => ({ sql: renderKpiSql(query.definition.sql, query), copyReads: 0 }),
    run: <Row extends object>(sql: string) => store.query<Row>(sql),
  };
}

/**
 * Many KPI values (a scorecard is 2 × 28 of them): the aggregate queries joined by UNION ALL,
 * each tagged with its position, as one statement per query the store runs at once. Parsing,
 * analysing and planning a statement use one core (a quarter of a second for a scorecard on chDB,
 * whatever the data size), and a longer KPI SQL mostly joins more tables: the statements are
 * balanced by the length of their SQL (decision 0014).
 */
export function computeKpis(store: AnalyticsStore, queries: readonly KpiQuery[]): Promise<KpiActual[]> {
  return computeKpisWith(storeKpiStatements(store), queries);
}

/** `computeKpis` where `statements` say: the store's read sessions, or a request's copies. */
export async function computeKpisWith(statements: KpiStatements, queries: readonly KpiQuery[]): Promise<KpiActual[]> {
  const rendered = queries.map((query) => statements.render(query));
  const parts = queries.map((query, i) => aggregateSql(query.definition.aggregate, rendered[i]!.sql));
  const groups = balancedGroups(
    parts.map((part) => part.length),
    statements.concurrent,
  );
  // Each part tagged with its slot in its own SELECT list, not wrapped in another SELECT: one
  // level less for the engine to analyse, 56 times a scorecard.
  const tagged = (slot: number) =>
    aggregateSql(queries[slot]!.definition.aggregate, rendered[slot]!.sql, `toUInt32(${slot}) AS slot`);
  const copyReads = (slots: readonly number[]) => slots.reduce((sum, slot) => sum + rendered[slot]!.copyReads, 0);
  const run = (slots: readonly number[]) =>
    statements.run<SlotRow>(slots.map(tagged).join('\nUNION ALL\n'), copyReads(slots));
  const answers = await Promise.all(groups.map((slots) => groupAnswers(slots, run)));
  const bySlot = new Map(answers.flatMap((group) => [...group]));
  // A failure the statement's SQL did not cause (the engine unreachable, out of memory) is the
  // store failing, as is every KPI failing alone (every definition broken): no line to show.
  const failures = [...bySlot.values()].filter((answer) => answer instanceof Error);
  const storeFailure = failures.find((failure) => !isStatementFault(failure));
  if (storeFailure !== undefined) throw storeFailure;
  if (failures.length === queries.length && failures.length > 0) throw failures[0];
  return queries.map((query, i): KpiActual => {
    const answer = bySlot.get(i);
    if (answer instanceof Error)
      return { value: null, units: 0, sql: parts[i]!, error: `KPI ${query.definition.id}: ${answer.message}` };
    const value = answer?.value ?? null;
    if (value !== null && !Number.isFinite(value)) {
      return { value: null, units: 0, sql: parts[i]!, error: `KPI ${query.definition.id}: ${missingRate(value)}` };
    }
    return { value, units: Number(answer?.units ?? 0), sql: parts[i]! };
  });
}

type SlotRow = { slot: number; value: number | null; units: number };

/**
 * The rows of one statement's KPIs by slot. When the statement fails, each KPI is sent alone,
 * so that one whose SQL no longer runs on this store fails its own line, not every KPI sent
 * with it.
 */
async function groupAnswers(
  slots: readonly number[],
  run: (slots: readonly number[]) => Promise<SlotRow[]>,
): Promise<Map<number, SlotRow | Error>> {
  try {
    const rows = await run(slots);
    return new Map(rows.map((row) => [Number(row.slot), row]));
  } catch {
    const alone = await Promise.all(
      slots.map(async (slot) => {
        try {
          return [slot, (await run([slot]))[0]!] as const;
        } catch (error) {
          return [slot, error instanceof Error ? error : new Error(String(error))] as const;
        }
      }),
    );
    return new Map<number, SlotRow | Error>(alone);
  }
}

/**
 * KPI values asked for with no asOf (decision 0017), `asOf` being when they were asked for.
 * When nothing the read models hold was recorded after it, the tables are read whole, without
 * the asOf filter that would keep every row (an eighth of a scorecard's work), and the answer
 * is as of the moment it was complete: a row projected meanwhile was recorded before that. An
 * event recorded with a clock ahead of `clock`, and projected meanwhile, moves that moment to
 * the end of the second it was recorded in. Otherwise the tables are filtered as of `asOf`,
 * which the answer reports.
 */
export async function computeLiveKpis(
  store: AnalyticsStore,
  queries: readonly KpiQuery[],
  asOf: Date,
  clock: () => Date,
  kept?: KeptActuals,
): Promise<{ actuals: KpiActual[]; asOf: Date }> {
  if ((await recordedThrough(store)) > asOf.getTime())
    return {
      actuals: await computeOrReadKpis(
        store,
        queries.map((query) => ({ ...query, asOf })),
        kept,
      ),
      asOf,
    };
  const actuals = await computeOrReadKpis(
    store,
    queries.map((query) => ({ ...query, asOf, wholeTables: true })),
    kept,
  );
  const completed = clock().getTime();
  const through = await recordedThrough(store);
  return { actuals, asOf: new Date(Math.floor(through / 1000) > Math.floor(completed / 1000) ? through : completed) };
}

/**
 * `computeKpis`, with the values kept for the questions read instead of computed (decision
 * 0054; for a question as of a moment, where every row they reflect was recorded by then): only
 * the questions whose values are not kept are sent to the engine. Values that cannot be read (the
 * kept tables unreadable) are computed: keeping them only ever saves time.
 */
export async function computeOrReadKpis(
  store: AnalyticsStore,
  queries: readonly KpiQuery[],
  kept?: KeptActuals,
): Promise<KpiActual[]> {
  const found =
    kept === undefined
      ? new Map<number, KpiActual>()
      : await kept.read(queries).catch(() => new Map<number, KpiActual>());
  if (found.size === queries.length) return queries.map((_, i) => found.get(i)!);
  const rest = queries.flatMap((_, i) => (found.has(i) ? [] : [i]));
  const computed = await computeKpis(
    store,
    rest.map((i) => queries[i]!),
  );
  const byIndex = new Map(rest.map((i, j) => [i, computed[j]!]));
  return queries.map((_, i) => found.get(i) ?? byIndex.get(i)!);
}
