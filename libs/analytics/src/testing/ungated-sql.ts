import type { GatedSql } from '../analyst/gate/sql-gate.js';

/**
 * SQL handed to an analyst session without the gate, to test what the engine and the worker
 * hold by themselves should the gate let something through. Tests only.
 */
export function ungatedForTests(text: string): GatedSql {
  return { text, canonical: text } as GatedSql;
}
