import type { KpiActual } from '../kpi-actual.js';
import type { KpiQuery } from '../kpi-query.js';

/** KPI values answered without computing them: the questions' actuals by their index, those not kept absent. */
export interface KeptActuals {
  read(queries: readonly KpiQuery[]): Promise<ReadonlyMap<number, KpiActual>>;
}
