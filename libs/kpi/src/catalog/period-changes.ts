import { catalogChanges } from '../catalog-changes.js';
import type { PublishedKpi } from '../definition.js';
import { KPI_CATALOG } from './index.js';

/**
 * Which periods of a KPI a new row of one table it reads can change (decision 0054): those that
 * end after the least of the row's `columns` (epoch ms), or every period. A KPI's values kept per
 * period are recomputed after a write for these periods only, so a declaration that says too
 * little leaves a kept value wrong: each one says why it holds, and the kept values' test
 * projects histories out of business-time order to find one that does not.
 */
export type PeriodChange = { readonly endingAfter: readonly string[] } | 'every_period';

/** What a row changes when its KPI does not say otherwise: the periods from its business time on. */
export const FROM_ITS_BUSINESS_TIME: PeriodChange = { endingAfter: ['occurred_at_ms'] };

/**
 * The catalog's tables whose rows change more than the periods from their business time on, per
 * KPI. A row of a table a KPI reads that is not listed here changes its value only in the
 * periods from the row's business time on: the KPI counts the row in the period of its business
 * time, or in a later one (a first review, a closure after it), never an earlier one.
 */
export const CATALOG_PERIOD_CHANGES: Readonly<Record<string, Readonly<Record<string, PeriodChange>>>> = {
  // A closure counts when any technical win of its opportunity is recorded, before or after it.
  tech_win_to_close: { technical_decision_recorded: 'every_period' },
  // A closure counts when any demo of its opportunity is completed, before or after it.
  demo_to_win: { activity_completed: 'every_period' },
  // An accepted quote counts every revision of it, whenever it was revised.
  quote_revisions: { quote_revised: 'every_period' },
  // An accepted quote is compared with its draft or revision, whenever they were made.
  quote_accuracy: { quote_drafted: 'every_period', quote_revised: 'every_period' },
  // Every consultant ever onboarded is a unit of every period, with the hours logged in it: an
  // onboarding or offboarding changes the periods before it when hours were logged before it.
  utilization: { consultant_onboarded: 'every_period', consultant_offboarded: 'every_period' },
  // An assignment loads the weeks of its own span, which may begin before it was made; an
  // onboarding's weeks are those after it, kept every period as utilization's.
  overload_share: {
    consultant_assigned: { endingAfter: ['from_at_ms', 'occurred_at_ms'] },
    consultant_onboarded: 'every_period',
    consultant_offboarded: 'every_period',
  },
  // A goal counts in the period it is due, achieved whenever.
  growth_goal_attainment: {
    growth_goal_set: { endingAfter: ['due_at_ms', 'occurred_at_ms'] },
    growth_goal_achieved: 'every_period',
  },
  // A won opportunity is shared by every assignment to it, whenever assigned.
  influenced_revenue_per_consultant: {
    consultant_assigned: 'every_period',
    consultant_onboarded: 'every_period',
    consultant_offboarded: 'every_period',
  },
  // Logged hours cost the consultant's onboarding rate, whenever onboarded.
  presales_cost_ratio: { consultant_onboarded: 'every_period' },
  // An action counts in the period it is due, completed whenever.
  corrective_action_closure: {
    corrective_action_raised: { endingAfter: ['due_at_ms', 'occurred_at_ms'] },
    corrective_action_completed: 'every_period',
  },
};

/** How a KPI's kept values change with rows of a table. */
export type PeriodChanges = (table: string) => PeriodChange;

/**
 * The declarations of a definition in force, when it is the catalog's own (the same SQL,
 * aggregate and parameters); undefined for any other, whose values are computed when asked.
 */
export function periodChangesOf(definition: PublishedKpi): PeriodChanges | undefined {
  const catalog = KPI_CATALOG.find((kpi) => kpi.id === definition.id);
  // What the value depends on: targets, weights and names are the scorecard's, not the value's.
  const valueFields = new Set(['sql', 'aggregate', 'parameters']);
  if (catalog === undefined || catalogChanges(definition, catalog).some((field) => valueFields.has(field)))
    return undefined;
  // A value as of the question's moment is no value of the whole tables: computed when asked.
  if (definition.sql.includes('{{asof}}')) return undefined;
  const declared = CATALOG_PERIOD_CHANGES[definition.id] ?? {};
  return (table) => declared[table] ?? FROM_ITS_BUSINESS_TIME;
}
