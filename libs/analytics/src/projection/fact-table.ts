import type { RecordedEvent } from '@presales/event-store';
import type { AnalyticsRow } from '../analytics-store.port.js';
import { toSqlDateTime } from '../sql/escape.js';
import type { TableDefinition } from '../schema/table-definition.js';
import type { FactColumn, ProjectionContext } from './fact-columns.js';

/**
 * One fact table per event type: a row per event, with the envelope columns every KPI needs
 * (business time, store time for asOf, actor) and the payload columns of that event. Rows are
 * keyed by (entity_id, position) with version = position, so a row is a pure function of its
 * event: replaying a batch or rebuilding writes the same rows (DESIGN.md decision 7).
 */
export interface FactTable {
  readonly eventType: string;
  readonly table: TableDefinition;
  toRow(event: RecordedEvent, context: ProjectionContext): AnalyticsRow;
}

const ENVELOPE_COLUMNS: readonly FactColumn[] = [
  { name: 'position', type: 'UInt64', read: (_d, e) => Number(e.position) },
  { name: 'event_id', type: 'String', read: (_d, e) => e.id },
  /** The aggregate's id: the stream name after `<category>-`. */
  { name: 'entity_id', type: 'String', read: (_d, e) => entityIdOf(e.streamId) },
  { name: 'occurred_at', type: "DateTime('UTC')", read: (_d, e) => toSqlDateTime(e.metadata.occurredAt) },
  { name: 'occurred_at_ms', type: 'UInt64', read: (_d, e) => Date.parse(e.metadata.occurredAt) },
  { name: 'recorded_at', type: "DateTime('UTC')", read: (_d, e) => toSqlDateTime(e.metadata.recordedAt) },
  { name: 'recorded_at_ms', type: 'UInt64', read: (_d, e) => Date.parse(e.metadata.recordedAt) },
  { name: 'actor_id', type: 'String', read: (_d, e) => e.metadata.actor.id },
];

export function entityIdOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(dash + 1);
}

export function factTable(eventType: string, tableName: string, columns: readonly (FactColumn | readonly FactColumn[])[]): FactTable {
  const all = [...ENVELOPE_COLUMNS, ...columns.flat()];
  const names = new Set<string>();
  for (const column of all) {
    if (names.has(column.name)) throw new Error(`fact table ${tableName}: column ${column.name} declared twice`);
    names.add(column.name);
  }
  return {
    eventType,
    table: { name: tableName, columns: all.map(({ name, type }) => ({ name, type })), orderBy: ['entity_id', 'position'], shardBy: 'entity_id' },
    toRow(event, context) {
      const row: Record<string, AnalyticsRow[string]> = {};
      for (const column of all) row[column.name] = column.read(event.data, event, context);
      row['version'] = Number(event.position);
      return row;
    },
  };
}
