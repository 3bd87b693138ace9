import type { RecordedEvent } from '@presales/event-store';
import type { AnalyticsRow } from '../analytics-store.port.js';
import { EVENTS_TABLE } from '../schema/tables.js';
import { envelopeOf, type EventEnvelope } from './event-envelope.js';
import type { ProjectionContext } from './fact-columns.js';
import { FACT_TABLE_BY_EVENT_TYPE } from './facts/index.js';
import { CONSULTANT_WEEK_LOAD_TABLE, weekLoadRows } from './week-load/consultant-week-load.js';

/**
 * Streams the analytics tables never see: who read which audit trail (decision 0011) is for
 * admins through /api/audit/reads, and sign-ins and tokens (security-, decision 0021) are not
 * presales facts; neither is for analysts' SQL.
 */
export const UNPROJECTED_STREAM_PREFIXES = ['audit-', 'security-'] as const;

/** Rows to insert, per table, for one batch of events. */
export type ProjectedRows = Map<string, AnalyticsRow[]>;

function eventRow(event: RecordedEvent, envelope: EventEnvelope): AnalyticsRow {
  return {
    position: envelope.position,
    event_id: event.id,
    stream_id: event.streamId,
    stream_category: event.streamId.split('-', 1)[0] ?? '',
    revision: Number(event.revision),
    type: event.type,
    occurred_at: envelope.occurredAt,
    occurred_at_ms: envelope.occurredAtMs,
    recorded_at: envelope.recordedAt,
    recorded_at_ms: envelope.recordedAtMs,
    actor_id: event.metadata.actor.id,
    actor_role: event.metadata.actor.role,
    schema_version: event.metadata.schemaVersion,
    data: JSON.stringify(event.data),
    hash: event.metadata.hash,
    version: envelope.position,
  };
}

/** Where projected rows go, table by table. */
export type RowSink = (table: string, row: AnalyticsRow) => void;

/**
 * Pure: the same event and context always give the same rows, which is what makes a replayed
 * batch harmless and a rebuild equal to the incremental result. Every event lands in `events`;
 * each domain event also lands in its fact table, and an assignment or a release in the weekly
 * committed load (decision 0048).
 */
export function projectEvent(event: RecordedEvent, context: ProjectionContext, sink: RowSink): void {
  if (UNPROJECTED_STREAM_PREFIXES.some((prefix) => event.streamId.startsWith(prefix))) return;
  const envelope = envelopeOf(event);
  sink(EVENTS_TABLE.name, eventRow(event, envelope));
  const fact = FACT_TABLE_BY_EVENT_TYPE.get(event.type);
  if (fact === undefined) return;
  const row = fact.toRow(event, context, envelope);
  sink(fact.table.name, row);
  for (const load of weekLoadRows(event.type, row)) sink(CONSULTANT_WEEK_LOAD_TABLE.name, load);
}

/** The rows of a batch of events, per table (`events` always present). */
export function projectEvents(events: readonly RecordedEvent[], context: ProjectionContext): ProjectedRows {
  const rows: ProjectedRows = new Map([[EVENTS_TABLE.name, []]]);
  const sink: RowSink = (table, row) => {
    const tableRows = rows.get(table);
    if (tableRows === undefined) rows.set(table, [row]);
    else tableRows.push(row);
  };
  for (const event of events) projectEvent(event, context, sink);
  return rows;
}
