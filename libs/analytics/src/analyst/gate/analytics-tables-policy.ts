import { MIGRATIONS_TABLE } from '../../schema/migrations.js';
import { PROJECTED_TABLES } from '../../schema/tables.js';
import type { GatePolicy } from './check-syntax-tree.js';

/**
 * User SQL may read the tables the projector fills (events, one per fact, checkpoints) and the
 * list of migrations applied, and no other.
 */
export function analyticsTablesPolicy(database: string): GatePolicy {
  return { tables: new Set([...PROJECTED_TABLES.map((table) => table.name), MIGRATIONS_TABLE]), database };
}
