import type { TableDefinition } from '../../schema/table-definition.js';

/**
 * Each KPI's value per period at org scope, as `computeKpis` gave it on whole tables (decision
 * 0054): the row with the highest `version` (the projection checkpoint it was computed through)
 * is current. Not an analytics table: the analyst's allowlist does not name it.
 */
export const KEPT_VALUES_TABLE: TableDefinition = {
  name: 'kpi_kept_values',
  columns: [
    /** The definition and exchange rates the value was computed with (definitionKey). */
    { name: 'definition_key', type: 'String' },
    /** The period as formatPeriod writes it: 2025-06 or 2025-Q2. */
    { name: 'period', type: 'String' },
    { name: 'value', type: 'Nullable(Float64)' },
    { name: 'units', type: 'UInt64' },
    /** Why the KPI's SQL failed on this store, '' when it ran. */
    { name: 'error', type: 'String' },
  ],
  orderBy: ['definition_key', 'period'],
  shardBy: 'definition_key',
};

/** Through which checkpoint each definition's kept values are current: the highest `through` of a key. */
export const KEPT_THROUGH_TABLE: TableDefinition = {
  name: 'kpi_kept_through',
  columns: [
    { name: 'definition_key', type: 'String' },
    { name: 'through', type: 'UInt64' },
    /** The latest recorded instant of a row the values reflect: they answer a question as of any moment from it on. */
    { name: 'recorded_through_ms', type: 'UInt64' },
  ],
  orderBy: ['definition_key'],
  shardBy: 'definition_key',
};

/** Both tables: created by migration 7, dropped by a rebuild with the tables they are computed from. */
export const KEPT_VALUE_TABLES: readonly TableDefinition[] = [KEPT_VALUES_TABLE, KEPT_THROUGH_TABLE];
