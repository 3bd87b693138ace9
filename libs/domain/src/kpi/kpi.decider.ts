import type { Aggregate } from '../shared/aggregate.js';
import { decideKpi, type KpiCommand } from './kpi.commands.js';
import type { KpiEvent } from './kpi.events.js';
import { checkKpiEvent } from './kpi.rules.js';
import { evolveKpi, initialKpiState, type KpiState } from './kpi.state.js';

export const kpiDecider: Aggregate<KpiCommand, KpiEvent, KpiState> = {
  category: 'kpi',
  initialState: initialKpiState,
  decide: decideKpi,
  evolve: evolveKpi,
  check: checkKpiEvent,
};
