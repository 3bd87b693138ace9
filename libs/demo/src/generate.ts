import { startDealFlow } from './flows/opportunity-flow.js';
import { startKnowledge } from './flows/knowledge-flow.js';
import { startOrganisation } from './flows/organisation-flow.js';
import { startPdca } from './flows/pdca-flow.js';
import { startTimeLogging } from './flows/time-logging-flow.js';
import { teamsFor, type DemoScale } from './scale.js';
import type { DemoEvent } from './world/demo-event.js';
import { Organisation } from './world/org.js';
import { World } from './world/world.js';

export interface DemoOptions {
  readonly seed: number;
  readonly scale: DemoScale;
  /** First day of the history, `YYYY-MM-DD`; fixed by default so a seed always gives the same bytes. */
  readonly startDate?: string;
  /** Length of the history in months; at least 24 so that trends and year-on-year comparisons show. */
  readonly months?: number;
}

export const DEFAULT_START_DATE = '2024-01-01';
export const DEFAULT_MONTHS = 25;

/**
 * A realistic presales history as a stream of events, in business-time order: teams form,
 * consultants join and leave, opportunities come in with the seasons, go through their stages,
 * tenders, quotes and activities, and close; standards, KPI targets and corrective actions follow
 * the PDCA rhythm. Every event is the result of a command decided by its aggregate. Lazily
 * generated: memory follows the live entities, not the length of the history.
 */
export function* generateDemo(options: DemoOptions): Generator<DemoEvent> {
  const start = Date.parse(`${options.startDate ?? DEFAULT_START_DATE}T00:00:00Z`);
  const months = options.months ?? DEFAULT_MONTHS;
  if (!Number.isFinite(start))
    throw new RangeError(`startDate = ${JSON.stringify(options.startDate)}: must be a date YYYY-MM-DD`);
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months = ${months}: must be a whole number ≥ 1`);
  const end = Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth() + months, 1) - 1;
  const world = new World(options.seed >>> 0, start, end);
  const org = new Organisation();
  startOrganisation(world, org, teamsFor(options.scale));
  startTimeLogging(world, org);
  startDealFlow(world, org);
  startKnowledge(world, org);
  startPdca(world, org);
  for (const events of world.run()) yield* events;
}
