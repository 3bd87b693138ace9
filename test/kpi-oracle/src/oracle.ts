import type { RecordedEvent } from '@presales/event-store';
import { bidRate, bidTurnaroundHours, hitRate, onTimeSubmissionRate, reviewFirstPassRate } from './kpis/bid.js';
import {
  firstResponseHours,
  presalesLift,
  responseSlaAttainment,
  winRate,
  winRateValue,
} from './kpis/collaboration.js';
import { customerSatisfaction, demoToWin, pocSuccessRate } from './kpis/communication.js';
import { knowledgeReuseRate } from './kpis/knowledge.js';
import { growthGoalAttainment } from './kpis/people.js';
import { correctiveActionClosure, influencedRevenuePerConsultant, presalesCostRatio } from './kpis/performance.js';
import { quoteAccuracy, quoteMargin, quoteRevisions } from './kpis/quotation.js';
import { gapLossValue, requirementFitRate } from './kpis/requirements.js';
import { overloadShare, utilization } from './kpis/resourcing.js';
import { reviewRejectionRate, techWinToClose, technicalWinRate } from './kpis/solution.js';
import { contextOf, type KpiContext } from './model/context.js';
import { modelOf } from './model/model.js';

export interface OracleQuery {
  /** A month `2026-03` or a quarter `2026-Q1`. */
  readonly period: string;
  readonly scope: { readonly kind: 'org' | 'team' | 'consultant' | 'product_line'; readonly id?: string };
  /** ISO time; only events with recordedAt ≤ asOf exist. */
  readonly asOf: string;
  /** The rate table of config/fx-rates.json: one unit of each currency in the reporting currency. */
  readonly fx: { readonly reportingCurrency: string; readonly rates: Readonly<Record<string, string>> };
  readonly parameters?: { readonly slaHoursByKind?: Readonly<Record<string, number>> };
}

type KpiFunction = (ctx: KpiContext) => number | null;

/** Every KPI of docs/kpis.md, in its order. */
const KPIS = {
  win_rate: winRate,
  win_rate_value: winRateValue,
  technical_win_rate: technicalWinRate,
  tech_win_to_close: techWinToClose,
  presales_lift: presalesLift,
  bid_rate: bidRate,
  hit_rate: hitRate,
  on_time_submission_rate: onTimeSubmissionRate,
  bid_turnaround_hours: bidTurnaroundHours,
  review_first_pass_rate: reviewFirstPassRate,
  review_rejection_rate: reviewRejectionRate,
  first_response_hours: firstResponseHours,
  response_sla_attainment: responseSlaAttainment,
  requirement_fit_rate: requirementFitRate,
  gap_loss_value: gapLossValue,
  quote_revisions: quoteRevisions,
  quote_accuracy: quoteAccuracy,
  quote_margin: quoteMargin,
  poc_success_rate: pocSuccessRate,
  demo_to_win: demoToWin,
  customer_satisfaction: customerSatisfaction,
  utilization: utilization,
  overload_share: overloadShare,
  knowledge_reuse_rate: knowledgeReuseRate,
  growth_goal_attainment: growthGoalAttainment,
  influenced_revenue_per_consultant: influencedRevenuePerConsultant,
  presales_cost_ratio: presalesCostRatio,
  corrective_action_closure: correctiveActionClosure,
} as const satisfies Record<string, KpiFunction>;

export type OracleKpiId = keyof typeof KPIS;

/** All 28 ids of docs/kpis.md, in its order. */
export const ORACLE_KPI_IDS: readonly string[] = Object.freeze(Object.keys(KPIS));

export class UnknownKpiError extends Error {
  constructor(readonly kpiId: string) {
    super(`unknown KPI ${JSON.stringify(kpiId)}: the oracle knows ${ORACLE_KPI_IDS.join(', ')}`);
    this.name = 'UnknownKpiError';
  }
}

/**
 * The value of `kpiId` for the query's period and scope, from `events` as they stood at asOf:
 * a number, or null when the KPI has no data (a zero denominator, a mean or median over nothing).
 * The events are folded once per events array and asOf; a missing exchange rate is an error.
 */
export function oracleKpi(kpiId: string, events: readonly RecordedEvent[], query: OracleQuery): number | null {
  if (!Object.hasOwn(KPIS, kpiId)) throw new UnknownKpiError(kpiId);
  const compute: KpiFunction = KPIS[kpiId as OracleKpiId];
  return compute(contextOf(modelOf(events, query.asOf), query));
}

/** Every KPI at once, by id. */
export function oracleKpis(events: readonly RecordedEvent[], query: OracleQuery): Record<string, number | null> {
  const ctx = contextOf(modelOf(events, query.asOf), query);
  return Object.fromEntries(Object.entries(KPIS).map(([id, compute]: [string, KpiFunction]) => [id, compute(ctx)]));
}
