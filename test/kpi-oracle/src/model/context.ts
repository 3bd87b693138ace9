import type { Decimal, Money } from '@presales/domain';
import { toReporting, type FxTable } from './fx.js';
import type { OracleModel } from './model.js';
import { periodWindow, type PeriodWindow } from './period.js';
import { resolveScope, type ResolvedScope, type ScopeQuery } from './scope.js';

/** docs/kpis.md response_sla_attainment: "SLA hours per kind … (default 24 for every kind)". */
export const DEFAULT_SLA_HOURS = 24;

export interface ContextQuery {
  readonly period: string;
  readonly scope: ScopeQuery;
  readonly fx: FxTable;
  readonly parameters?: { readonly slaHoursByKind?: Readonly<Record<string, number>> };
}

/** What every KPI function reads: the model at asOf, the period, the scope and the rate table. */
export interface KpiContext {
  readonly model: OracleModel;
  readonly period: PeriodWindow;
  readonly scope: ResolvedScope;
  /** An amount in the reporting currency. */
  money(money: Money): Decimal;
  readonly fx: FxTable;
  slaHours(kind: string): number;
}

export function contextOf(model: OracleModel, query: ContextQuery): KpiContext {
  const sla = query.parameters?.slaHoursByKind ?? {};
  return {
    model,
    period: periodWindow(query.period),
    scope: resolveScope(model, query.scope),
    money: (money) => toReporting(query.fx, money),
    fx: query.fx,
    slaHours: (kind) => (Object.hasOwn(sla, kind) ? sla[kind]! : DEFAULT_SLA_HOURS),
  };
}
