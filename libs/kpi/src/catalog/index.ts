import type { PublishedKpi } from '../definition.js';
import { BID_KPIS } from './bid.kpis.js';
import { COLLABORATION_KPIS } from './collaboration.kpis.js';
import { COMMUNICATION_KPIS, KNOWLEDGE_KPIS } from './communication-knowledge.kpis.js';
import { QUOTATION_KPIS, REQUIREMENTS_KPIS } from './requirements-quotation.kpis.js';
import { PEOPLE_KPIS, PERFORMANCE_KPIS, RESOURCING_KPIS } from './resourcing-people-performance.kpis.js';
import { SOLUTION_KPIS } from './solution.kpis.js';

const ORDER = [
  'win_rate',
  'win_rate_value',
  'technical_win_rate',
  'tech_win_to_close',
  'presales_lift',
  'bid_rate',
  'hit_rate',
  'on_time_submission_rate',
  'bid_turnaround_hours',
  'review_first_pass_rate',
  'review_rejection_rate',
  'first_response_hours',
  'response_sla_attainment',
  'requirement_fit_rate',
  'gap_loss_value',
  'quote_revisions',
  'quote_accuracy',
  'quote_margin',
  'poc_success_rate',
  'demo_to_win',
  'customer_satisfaction',
  'utilization',
  'overload_share',
  'knowledge_reuse_rate',
  'growth_goal_attainment',
  'influenced_revenue_per_consultant',
  'presales_cost_ratio',
  'corrective_action_closure',
] as const;

const ALL = [
  ...COLLABORATION_KPIS,
  ...SOLUTION_KPIS,
  ...BID_KPIS,
  ...REQUIREMENTS_KPIS,
  ...QUOTATION_KPIS,
  ...COMMUNICATION_KPIS,
  ...KNOWLEDGE_KPIS,
  ...RESOURCING_KPIS,
  ...PEOPLE_KPIS,
  ...PERFORMANCE_KPIS,
];

/** Version 1 of every KPI of KPIS.md, in its order; published as KpiDefinitionPublished on first start. */
export const KPI_CATALOG: readonly PublishedKpi[] = ORDER.map((id) => {
  const definition = ALL.find((d) => d.id === id);
  if (definition === undefined) throw new Error(`KPI catalog: ${id} is not defined`);
  return definition;
});
