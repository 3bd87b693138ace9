import type { RecordedEvent } from '@presales/event-store';
import type { AnalyticsRow } from '../analytics-store.port.js';
import type { TableDefinition } from '../schema/table-definition.js';
import { envelopeOf, type EventEnvelope } from './event-envelope.js';
import type { EarlierEvent } from './earlier-events.js';
import type { FactColumn, ProjectionContext } from './fact-columns.js';

/**
 * One fact table per event type: a row per event, with the envelope columns every KPI needs
 * (business time, store time for asOf, actor) and the payload columns of that event. Rows are
 * keyed by (occurred_at_ms, position) with version = position, so a row is a pure function of its
 * event: replaying a batch or rebuilding writes the same rows (DESIGN.md decision 7). Business time
 * leads the key because KPIs read one period at a time (decision 0012).
 */
export interface FactTable {
  readonly eventType: string;
  readonly table: TableDefinition;
  /** The earlier events of the same stream its columns copy from (decision 0016). */
  readonly lookups: readonly EarlierEvent[];
  /** The columns read from the event (the envelope's are common), with where copied ones come from. */
  readonly payloadColumns: readonly FactColumn[];
  /** `envelope` is the event's own, passed in when the caller has converted it already. */
  toRow(event: RecordedEvent, context: ProjectionContext, envelope?: EventEnvelope): AnalyticsRow;
}

interface EnvelopeColumn {
  readonly name: string;
  readonly type: string;
  readonly read: (event: RecordedEvent, envelope: EventEnvelope) => AnalyticsRow[string];
}

const ENVELOPE_COLUMNS: readonly EnvelopeColumn[] = [
  { name: 'position', type: 'UInt64', read: (_e, envelope) => envelope.position },
  { name: 'event_id', type: 'String', read: (e) => e.id },
  /** The aggregate's id: the stream name after `<category>-`. */
  { name: 'entity_id', type: 'String', read: (e) => entityIdOf(e.streamId) },
  { name: 'occurred_at', type: "DateTime('UTC')", read: (_e, envelope) => envelope.occurredAt },
  { name: 'occurred_at_ms', type: 'UInt64', read: (_e, envelope) => envelope.occurredAtMs },
  { name: 'recorded_at', type: "DateTime('UTC')", read: (_e, envelope) => envelope.recordedAt },
  { name: 'recorded_at_ms', type: 'UInt64', read: (_e, envelope) => envelope.recordedAtMs },
  { name: 'actor_id', type: 'String', read: (e) => e.metadata.actor.id },
];

/**
 * The sorting key, hence the identity FINAL collapses replays on: business time first, so a
 * period's rows are a range of the primary index, and FINAL has little to merge because batches
 * arrive roughly in time order (decision 0012).
 */
export const FACT_TABLE_SORTING_KEY: readonly string[] = ['occurred_at_ms', 'position'];

/** The names of the columns a fact table copies from earlier events (decision 0016). */
export function copiedColumnNames(fact: FactTable): Set<string> {
  return new Set(fact.payloadColumns.filter((column) => column.copiedFrom !== undefined).map((column) => column.name));
}

export function entityIdOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(dash + 1);
}

export function factTable(
  eventType: string,
  tableName: string,
  columns: readonly (FactColumn | readonly FactColumn[])[],
): FactTable {
  const payload = columns.flat();
  const all = [...ENVELOPE_COLUMNS, ...payload];
  const names = new Set<string>();
  for (const column of all) {
    if (names.has(column.name)) throw new Error(`fact table ${tableName}: column ${column.name} declared twice`);
    names.add(column.name);
  }
  return {
    eventType,
    payloadColumns: payload,
    lookups: [
      ...new Set(payload.flatMap((column) => (column.copiedFrom === undefined ? [] : [column.copiedFrom.lookup]))),
    ],
    table: {
      name: tableName,
      columns: all.map(({ name, type }) => ({ name, type })),
      orderBy: FACT_TABLE_SORTING_KEY,
      shardBy: 'entity_id',
    },
    toRow(event, context, envelope = envelopeOf(event)) {
      const row: Record<string, AnalyticsRow[string]> = {};
      for (const column of ENVELOPE_COLUMNS) row[column.name] = column.read(event, envelope);
      for (const column of payload) row[column.name] = column.read(event.data, event, context);
      row['version'] = envelope.position;
      return row;
    },
  };
}
