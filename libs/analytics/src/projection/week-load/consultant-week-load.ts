import type { AnalyticsRow } from '../../analytics-store.port.js';
import type { TableDefinition } from '../../schema/table-definition.js';
import { hundredthsOf, mondaysWithin } from './week-arithmetic.js';

/**
 * Each consultant's committed load by week, as rows an assignment and its release add
 * (decision 0048): an assignment adds its allocation on every Monday from its first day to its
 * last, its release takes it back from the first Monday on or after the release. Summed per
 * consultant and Monday, the rows give the assignments' part of the overload_share rule
 * (weekly-load.ts) for any week, reading that week's rows only.
 *
 * A row is a pure function of its event, keyed by (Monday, consultant, position) with version =
 * position like every fact row: a replayed or rebuilt batch writes the same rows, which FINAL
 * collapses, so a crash at any moment never counts a week twice.
 */
export const CONSULTANT_WEEK_LOAD_TABLE: TableDefinition = {
  name: 'consultant_week_load',
  columns: [
    { name: 'monday_ms', type: 'UInt64' },
    { name: 'consultant_id', type: 'String' },
    { name: 'position', type: 'UInt64' },
    { name: 'assignment_id', type: 'String' },
    { name: 'load_hundredths', type: 'Int64' },
  ],
  orderBy: ['monday_ms', 'consultant_id', 'position'],
  shardBy: 'consultant_id',
};

/** The fact row columns the load rows read, as the fact tables name them (consultant.facts.ts). */
export const WEEK_LOAD_SOURCES = {
  ConsultantAssigned: {
    table: 'consultant_assigned',
    pct: 'allocation_pct',
    fromMs: 'from_at_ms',
    toMs: 'to_at_ms',
    sign: 1,
  },
  ConsultantReleased: {
    table: 'consultant_released',
    pct: 'assignment_allocation_pct',
    fromMs: 'assignment_from_ms',
    toMs: 'assignment_to_ms',
    sign: -1,
  },
} as const;

type SourceType = keyof typeof WEEK_LOAD_SOURCES;

const isSource = (eventType: string): eventType is SourceType => Object.hasOwn(WEEK_LOAD_SOURCES, eventType);

/**
 * The load rows of one event, from its fact row: none for an event that is neither an
 * assignment nor a release. A release starts where the assignment stops counting (KPIS.md: an
 * assignment counts on a Monday before its release), never before the assignment's first day.
 */
export function weekLoadRows(eventType: string, fact: AnalyticsRow): AnalyticsRow[] {
  if (!isSource(eventType)) return [];
  const source = WEEK_LOAD_SOURCES[eventType];
  const fromMs = Number(fact[source.fromMs]);
  const from = source.sign > 0 ? fromMs : Math.max(fromMs, Number(fact['occurred_at_ms']));
  const load = source.sign * hundredthsOf(Number(fact[source.pct]));
  const position = fact['position'] as number;
  return mondaysWithin(from, Number(fact[source.toMs])).map((monday) => ({
    monday_ms: monday,
    consultant_id: fact['entity_id'] as string,
    position,
    assignment_id: fact['assignment_id'] as string,
    load_hundredths: load,
    version: position,
  }));
}
