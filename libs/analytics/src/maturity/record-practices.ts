import { practiceEvidence, type PracticeEvidence, type PracticeTemplate } from '@presales/kpi';
import type { AnalyticsStore, ScratchSession } from '../analytics-store.port.js';
import type { FxRates } from '../kpis/kpi-query.js';
import { asOfTable, renderSqlTemplate } from '../kpis/render-kpi-sql.js';
import { sqlIdentifier, sqlValue } from '../sql/escape.js';

export interface RecordPracticesRequest {
  readonly practices: readonly PracticeTemplate[];
  /** The window, [from, to). */
  readonly from: Date;
  readonly to: Date;
  readonly asOf: Date;
  readonly threshold: number;
  readonly fx: FxRates;
  /**
   * Written in a comment into every statement, so the engine's query log finds the request's
   * statements (decision 0040). Letters, digits, `-` and `_` only.
   */
  readonly tag: string;
  /** How many failing unit ids each practice shows. */
  readonly failingShown: number;
}

/** The copy of a fact table a request reads instead of the table (a temporary table of its session). */
export const scratchTableOf = (table: string): string => `scratch_${table}`;

/**
 * Levels 2 and 3: the practices' evidence, reading each table they need once (decision 0040).
 * Every table the practices name is copied as of asOf into a temporary table of one session, then
 * one statement counts every practice's units over the copies. A practice names a table up to
 * four times and ten practices name the standards: read in place, that was ~40 reads a request.
 */
export async function recordPractices(
  store: AnalyticsStore,
  request: RecordPracticesRequest,
): Promise<PracticeEvidence[]> {
  if (!/^[A-Za-z0-9_-]+$/.test(request.tag))
    throw new RangeError(`maturity request tag ${JSON.stringify(request.tag)}: letters, digits, - and _ only`);
  if (request.practices.length === 0) return [];
  const tables = new Set<string>();
  const evidence = request.practices.map((practice) =>
    evidenceSql(
      practice.id,
      renderSqlTemplate(practice.sql, {
        start: request.from,
        end: request.to,
        asOf: request.asOf,
        scope: { kind: 'org' },
        fx: request.fx,
        parameters: {},
        label: `practice ${practice.id}`,
        readTable: (table) => {
          tables.add(table);
          return sqlIdentifier(scratchTableOf(table));
        },
      }),
      request.failingShown,
    ),
  );
  // In front: ClickHouse 18.16 logs a CREATE's text only as far as the statement goes.
  const tagged = (sql: string) => `/* maturity ${request.tag} */ ${sql}`;
  const rows = await store.withScratchSession(async (session) => {
    const copied: string[] = [];
    try {
      for (const table of tables) {
        copied.push(table);
        await session.command(
          tagged(
            `CREATE TEMPORARY TABLE ${sqlIdentifier(scratchTableOf(table))} AS SELECT * FROM ${asOfTable(table, request.asOf.getTime(), session.database)} AS t`,
          ),
        );
      }
      return await session.query<EvidenceRow>(tagged(evidence.join('\nUNION ALL\n')));
    } finally {
      await dropCopies(session, copied);
    }
  });
  const byPractice = new Map(rows.map((row) => [row.practice, row]));
  return request.practices.map((practice) => {
    const row = byPractice.get(practice.id);
    const units = Number(row?.units ?? 0);
    const failing = Number(row?.failing ?? 0);
    return practiceEvidence(practice, request.threshold, {
      evidence: units - failing,
      units,
      failingUnitIds: row?.failing_ids ?? [],
    });
  });
}

interface EvidenceRow {
  readonly practice: string;
  readonly units: number | string;
  readonly failing: number | string;
  readonly failing_ids: string[];
}

/**
 * A practice's evidence counted where the units are: a window of two quarters holds over half a
 * million time entries at 10M events, and sending each to be counted here took 350 ms. The
 * failing ids shown are the first in id order, the same from one request to the next.
 */
export function evidenceSql(practiceId: string, unitsSql: string, failingShown: number): string {
  const failing = 'ifNull(ok, 0) != 1';
  return [
    `SELECT ${sqlValue(practiceId)} AS practice, count() AS units, countIf(${failing}) AS failing, arraySlice(arraySort(groupArrayIf(unit_id, ${failing})), 1, ${failingShown}) AS failing_ids`,
    `FROM (\n${unitsSql}\n) AS practice_units`,
  ].join('\n');
}

/**
 * A pooled session outlives the request: its copies go with the request, also when it failed.
 * A drop that fails leaves the first error to be reported.
 */
async function dropCopies(session: ScratchSession, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    try {
      await session.command(`DROP TEMPORARY TABLE IF EXISTS ${sqlIdentifier(scratchTableOf(table))}`);
    } catch {
      // The session is unusable; its temporary tables end with it.
    }
  }
}
