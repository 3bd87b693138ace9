import type { RecordedEvent } from '@presales/event-store';
import type { AnalyticsRow } from '../analytics-store.port.js';
import { EVENTS_TABLE } from '../schema/tables.js';
import { envelopeOf, type EventEnvelope } from './event-envelope.js';
import type { ProjectionContext } from './fact-columns.js';
import { FACT_TABLE_BY_EVENT_TYPE } from './facts/index.js';

/**
 * Streams the analytics tables never see: who read which audit trail (decision 0011) is for
 * admins through /api/audit/reads, not for analysts' SQL.
 */
export const UNPROJECTED_STREAM_PREFIXES = ['audit-'] as const;

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

/**
 * Pure: the same events and context always give the same rows, which is what makes a replayed
 * batch harmless and a rebuild equal to the incremental result. Every event lands in `events`;
 * each domain event also lands in its fact table.
 */
export function projectEvents(events: readonly RecordedEvent[], context: ProjectionContext): ProjectedRows {
  const eventRows: AnalyticsRow[] = [];
  const rows: ProjectedRows = new Map([[EVENTS_TABLE.name, eventRows]]);
  for (const event of events) {
    if (UNPROJECTED_STREAM_PREFIXES.some((prefix) => event.streamId.startsWith(prefix))) continue;
    const envelope = envelopeOf(event);
    eventRows.push(eventRow(event, envelope));
    const fact = FACT_TABLE_BY_EVENT_TYPE.get(event.type);
    if (fact === undefined) continue;
    const tableRows = rows.get(fact.table.name) ?? [];
    tableRows.push(fact.toRow(event, context, envelope));
    rows.set(fact.table.name, tableRows);
  }
  return rows;
}
