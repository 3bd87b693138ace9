import type { AnalyticsStore } from '../analytics-store.port.js';
import { sqlValue } from '../sql/escape.js';
import type { KpiScope } from './kpi-query.js';
import { asOfTable } from './render-kpi-sql.js';

/**
 * Where the PDCA records are read: the store's tables as of asOf, or a request's copies of them
 * (decision 0045). Product SQL only.
 */
export interface RecordReads {
  query<Row extends object>(sql: string): Promise<Row[]>;
  /** The table as a FROM item. */
  table(name: string): string;
}

/** The store's tables as of `asOf`. */
export function readsAsOf(store: AnalyticsStore, asOf: Date): RecordReads {
  return {
    query: <Row extends object>(sql: string) => store.query<Row>(sql),
    table: (name) => asOfTable(name, asOf.getTime()),
  };
}

/** A target is set for one scope: the org's target is not a team's. */
const scopeFilter = (scope: KpiScope) =>
  `scope_kind = ${sqlValue(scope.kind)} AND scope_id = ${sqlValue(scope.kind === 'org' ? '' : scope.id)}`;

/** The org acts through every action raised for any scope (docs/kpis.md), as {{in_action_scope}} counts them. */
const actionScopeFilter = (scope: KpiScope) => (scope.kind === 'org' ? '1' : scopeFilter(scope));

/**
 * Plan: the latest KpiTargetSet per KPI for each period and scope, recorded by asOf, in one
 * query (a scorecard's period, a trend's, a maturity window's quarters): period → KPI → target.
 */
export async function targetsByPeriod(
  reads: RecordReads,
  periods: readonly string[],
  scope: KpiScope,
): Promise<Map<string, Map<string, number>>> {
  const byPeriod = new Map<string, Map<string, number>>();
  if (periods.length === 0) return byPeriod;
  const rows = await reads.query<{ period: string; kpi_id: string; target: number }>(
    `SELECT period, entity_id AS kpi_id, argMax(target, position) AS target FROM ${reads.table('kpi_target_set')} AS t
WHERE period IN (${periods.map(sqlValue).join(', ')}) AND ${scopeFilter(scope)} GROUP BY period, entity_id`,
  );
  for (const row of rows) {
    const targets = byPeriod.get(row.period) ?? new Map<string, number>();
    targets.set(row.kpi_id, Number(row.target));
    byPeriod.set(row.period, targets);
  }
  return byPeriod;
}

export interface ActionRecord {
  readonly actionId: string;
  readonly kpiId: string;
  readonly state: 'open' | 'completed' | 'verified_effective' | 'verified_ineffective';
}

/**
 * Act: corrective actions raised for each period and scope (the org: any scope) by asOf, with
 * how far each got; several periods (a maturity window's quarters) in as many statements as one
 * takes, each a few milliseconds of fixed cost on chDB (decision 0050). period → its actions in
 * action id order.
 */
export async function actionsByPeriod(
  reads: RecordReads,
  periods: readonly string[],
  scope: KpiScope,
): Promise<Map<string, ActionRecord[]>> {
  const byPeriod = new Map<string, ActionRecord[]>();
  if (periods.length === 0) return byPeriod;
  const raised = await reads.query<{ period: string; action_id: string; kpi_id: string }>(
    `SELECT period, entity_id AS action_id, kpi_id FROM ${reads.table('corrective_action_raised')} AS r WHERE period IN (${periods.map(sqlValue).join(', ')}) AND ${actionScopeFilter(scope)} ORDER BY action_id`,
  );
  if (raised.length === 0) return byPeriod;
  const ids = [...new Set(raised.map((r) => r.action_id))].map(sqlValue).join(', ');
  const [completedRows, verifiedRows] = await Promise.all([
    reads.query<{ action_id: string }>(
      `SELECT DISTINCT entity_id AS action_id FROM ${reads.table('corrective_action_completed')} AS c WHERE entity_id IN (${ids})`,
    ),
    reads.query<{ action_id: string; effective: number }>(
      `SELECT entity_id AS action_id, argMax(effective, position) AS effective FROM ${reads.table('corrective_action_verified')} AS v WHERE entity_id IN (${ids}) GROUP BY entity_id`,
    ),
  ]);
  const completed = new Set(completedRows.map((r) => r.action_id));
  const verified = new Map(verifiedRows.map((r) => [r.action_id, Number(r.effective) === 1]));
  for (const { period, action_id, kpi_id } of raised) {
    const effective = verified.get(action_id);
    const state =
      effective === undefined
        ? completed.has(action_id)
          ? 'completed'
          : 'open'
        : effective
          ? 'verified_effective'
          : 'verified_ineffective';
    const actions = byPeriod.get(period) ?? [];
    actions.push({ actionId: action_id, kpiId: kpi_id, state });
    byPeriod.set(period, actions);
  }
  return byPeriod;
}
