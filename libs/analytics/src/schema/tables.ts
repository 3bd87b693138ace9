import { FACT_TABLES } from '../projection/facts/index.js';
import type { TableDefinition } from './table-definition.js';
import { CONSULTANT_WEEK_LOAD_TABLE } from '../projection/week-load/consultant-week-load.js';

const utcTime = (name: string) => [
  { name, type: "DateTime('UTC')" },
  // Epoch milliseconds beside every DateTime: no DateTime64 in the common dialect (decision 8).
  { name: `${name}_ms`, type: 'UInt64' },
];

/** Every event as recorded: the flattened envelope plus the payload as JSON text. */
export const EVENTS_TABLE: TableDefinition = {
  name: 'events',
  columns: [
    { name: 'position', type: 'UInt64' },
    { name: 'event_id', type: 'String' },
    { name: 'stream_id', type: 'String' },
    { name: 'stream_category', type: 'String' },
    { name: 'revision', type: 'UInt64' },
    { name: 'type', type: 'String' },
    ...utcTime('occurred_at'),
    ...utcTime('recorded_at'),
    { name: 'actor_id', type: 'String' },
    { name: 'actor_role', type: 'String' },
    { name: 'schema_version', type: 'UInt32' },
    { name: 'data', type: 'String' },
    { name: 'hash', type: 'String' },
  ],
  orderBy: ['position'],
  shardBy: 'stream_id',
  partitionBy: 'toYYYYMM(recorded_at)',
};

/** The projector's checkpoints (docs/decisions/0008); max(position) per subscriber is current. */
export const CHECKPOINTS_TABLE_DEFINITION: TableDefinition = {
  name: 'projection_checkpoints',
  columns: [
    { name: 'subscriber', type: 'String' },
    { name: 'position', type: 'UInt64' },
  ],
  orderBy: ['subscriber'],
  shardBy: 'subscriber',
};

/** Every table the projector writes; a rebuild drops and recreates exactly these. */
export const PROJECTED_TABLES: readonly TableDefinition[] = [
  EVENTS_TABLE,
  ...FACT_TABLES.map((fact) => fact.table),
  CONSULTANT_WEEK_LOAD_TABLE,
  CHECKPOINTS_TABLE_DEFINITION,
];
