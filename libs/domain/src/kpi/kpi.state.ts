import { assertNever, type DeepReadonly } from '../shared/message.js';
import type { KpiDefinition } from './kpi.definition.js';
import type { KpiEvent } from './kpi.events.js';

/**
 * The latest definition of one KPI. Targets need no state here: each KpiTargetSet is kept in the
 * log (a later one for the same period and scope replaces the earlier in the analytics tables).
 */
export type KpiState =
  | { readonly status: 'none' }
  | {
      readonly status: 'defined';
      readonly kpiId: string;
      readonly version: number;
      readonly definition: DeepReadonly<KpiDefinition>;
    };

export const initialKpiState: KpiState = { status: 'none' };

export function evolveKpi(state: KpiState, event: KpiEvent): KpiState {
  switch (event.type) {
    case 'KpiDefinitionPublished':
      return {
        status: 'defined',
        kpiId: event.data.kpiId,
        version: event.data.version,
        definition: event.data.definition,
      };
    case 'KpiTargetSet':
      return state;
    default:
      return assertNever(event, 'KPI event');
  }
}

/** The version the next definition carries. */
export function nextKpiVersion(state: KpiState): number {
  return state.status === 'none' ? 1 : state.version + 1;
}
