import type { TenderReceived } from '@presales/domain';
import type { RecordedEvent } from '@presales/event-store';
import type { AnalyticsRow } from '../analytics-store.port.js';
import { toSqlDateTime } from '../sql/escape.js';
import { EVENTS_TABLE, TENDERS_TABLE } from '../schema/tables.js';

/** Rows to insert, per table, for one batch of events. */
export type ProjectedRows = Map<string, AnalyticsRow[]>;

function time(prefix: string, iso: string): Record<string, string | number> {
  return { [prefix]: toSqlDateTime(iso), [`${prefix}_ms`]: Date.parse(iso) };
}

function eventRow(event: RecordedEvent): AnalyticsRow {
  return {
    position: Number(event.position),
    event_id: event.id,
    stream_id: event.streamId,
    stream_category: event.streamId.split('-', 1)[0] ?? '',
    revision: Number(event.revision),
    type: event.type,
    ...time('occurred_at', event.metadata.occurredAt),
    ...time('recorded_at', event.metadata.recordedAt),
    actor_id: event.metadata.actor.id,
    actor_role: event.metadata.actor.role,
    schema_version: event.metadata.schemaVersion,
    data: JSON.stringify(event.data),
    hash: event.metadata.hash,
    version: Number(event.position),
  };
}

function tenderReceivedRow(event: RecordedEvent, data: TenderReceived['data']): AnalyticsRow {
  return {
    tender_id: data.tenderId,
    opportunity_id: data.opportunityId,
    kind: data.kind,
    issuer: data.issuer,
    ...time('deadline', data.deadline),
    ...time('received_at', event.metadata.occurredAt),
    ...time('recorded_at', event.metadata.recordedAt),
    version: Number(event.position),
  };
}

/**
 * Pure: the same events always give the same rows, which is what makes a replayed batch
 * harmless and a rebuild equal to the incremental result.
 */
export function projectEvents(events: readonly RecordedEvent[]): ProjectedRows {
  const rows: ProjectedRows = new Map([[EVENTS_TABLE.name, []], [TENDERS_TABLE.name, []]]);
  for (const event of events) {
    rows.get(EVENTS_TABLE.name)!.push(eventRow(event));
    if (event.type === 'TenderReceived') {
      rows.get(TENDERS_TABLE.name)!.push(tenderReceivedRow(event, event.data as TenderReceived['data']));
    }
  }
  return rows;
}
