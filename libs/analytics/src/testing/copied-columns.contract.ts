import { describe, expect, it } from 'vitest';
import type { AnalyticsRow, AnalyticsStore, SqlDecimal } from '../analytics-store.port.js';
import { EarlierEventMemory } from '../projection/earlier-events.js';
import { copiedColumnNames, type FactTable } from '../projection/fact-table.js';
import { FACT_TABLES } from '../projection/facts/index.js';
import { projectEvents } from '../projection/project-events.js';
import { projectionContextOf } from '../projection/projection-context.js';
import { copiedColumnStatements } from '../schema/copied-columns.js';
import { migrate, MIGRATIONS, type Migration } from '../schema/migrations.js';
import { createTableStatements, type TableDefinition } from '../schema/table-definition.js';
import { EVENTS_TABLE } from '../schema/tables.js';
import { sqlIdentifier } from '../sql/escape.js';
import { copyingHistory } from './fixtures.js';

const COPYING = FACT_TABLES.filter((fact) => copiedColumnNames(fact).size > 0);

/** A fact table as a store created before decision 0016 has it: no copied columns. */
function before(fact: FactTable): TableDefinition {
  const copied = copiedColumnNames(fact);
  return { ...fact.table, columns: fact.table.columns.filter((column) => !copied.has(column.name)) };
}

/** Migrations 1 to 3 as released before the copied columns. */
const RELEASED_BEFORE: Migration[] = MIGRATIONS.filter((m) => m.id < 4).map((m) =>
  m.id === 2
    ? { ...m, statements: (target) => FACT_TABLES.flatMap((fact) => createTableStatements(before(fact), target)) }
    : m,
);

/** The tables migrations 1 to 3 create, bar the checkpoints. */
const RELEASED_BEFORE_TABLES = new Set([EVENTS_TABLE.name, ...FACT_TABLES.map((fact) => fact.table.name)]);

/** What a store from before 0004 runs on its next start: 0004 and every migration released after it. */
const SINCE_COPIES = MIGRATIONS.filter((m) => m.id >= 4).map((m) => m.name);

/** The copied columns of a table, as comparable values, in position order. */
async function copiedValues(
  store: AnalyticsStore,
  fact: FactTable,
  final: boolean,
): Promise<Record<string, unknown>[]> {
  const columns = fact.table.columns.filter((column) => copiedColumnNames(fact).has(column.name));
  const select = columns.map((c) =>
    c.type.startsWith('Decimal')
      ? `toString(toFloat64(${sqlIdentifier(c.name)})) AS ${sqlIdentifier(c.name)}`
      : sqlIdentifier(c.name),
  );
  return store.query(
    `SELECT position, ${select.join(', ')} FROM ${sqlIdentifier(fact.table.name)}${final ? ' FINAL' : ''} ORDER BY position`,
  );
}

function expectedValues(fact: FactTable, rows: readonly AnalyticsRow[]): Record<string, unknown>[] {
  const columns = fact.table.columns.filter((column) => copiedColumnNames(fact).has(column.name));
  return rows.map((row) => ({
    position: row['position'],
    ...Object.fromEntries(
      columns.map((c) => [
        c.name,
        c.type.startsWith('Decimal') ? String(Number((row[c.name] as SqlDecimal).text)) : row[c.name],
      ]),
    ),
  }));
}

/** A store as the release before 0004 left it, holding `history` projected. */
async function storeBeforeCopies(
  fresh: () => Promise<AnalyticsStore>,
  projected: Map<string, AnalyticsRow[]>,
): Promise<AnalyticsStore> {
  const store = await fresh();
  await migrate(store, {}, RELEASED_BEFORE);
  for (const [table, rows] of projected) {
    // Tables released after 0004 (the weekly load, 0005) do not exist yet: their migrations fill them.
    if (!RELEASED_BEFORE_TABLES.has(table)) continue;
    const fact = FACT_TABLES.find((f) => f.table.name === table);
    const copied = fact === undefined ? new Set<string>() : copiedColumnNames(fact);
    const old = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !copied.has(column))));
    if (old.length > 0) await store.insert(table, old);
  }
  return store;
}

async function expectFilledAsProjected(store: AnalyticsStore, projected: Map<string, AnalyticsRow[]>): Promise<void> {
  for (const fact of COPYING) {
    const expected = expectedValues(fact, projected.get(fact.table.name) ?? []);
    expect(await copiedValues(store, fact, true), fact.table.name).toEqual(expected);
    // merged: a read without FINAL counts each row once
    expect(await copiedValues(store, fact, false), fact.table.name).toEqual(expected);
  }
}

const alters = async (store: AnalyticsStore) =>
  (await copiedColumnStatements(store, { capabilities: store.capabilities })).filter((s) => s.startsWith('ALTER'));

/** Migration 0004 fills the copied columns of a store created before them, on this engine. */
export function describeCopiedColumnsContract(fresh: () => Promise<AnalyticsStore>): void {
  describe('copied columns (decision 0016)', () => {
    const history = copyingHistory();
    const projected = projectEvents(history, projectionContextOf(history, new EarlierEventMemory()));

    it('are added to a store created before them and filled as the projection fills them', async () => {
      const store = await storeBeforeCopies(fresh, projected);
      expect(await migrate(store)).toEqual(SINCE_COPIES);
      await expectFilledAsProjected(store, projected);
      expect(await alters(store)).toEqual([]);
    });

    it('are filled by the next run when a run stopped after adding them', async () => {
      const store = await storeBeforeCopies(fresh, projected);
      for (const statement of await alters(store)) await store.command(statement);
      expect(await migrate(store)).toEqual(SINCE_COPIES);
      await expectFilledAsProjected(store, projected);
    });

    it('are only filled, not added, on a store created with them', async () => {
      const store = await fresh();
      await migrate(store);
      expect(await alters(store)).toEqual([]);
    });
  });
}
