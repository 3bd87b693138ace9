import { practiceEvidence, type PracticeEvidence, type PracticeTemplate } from '@presales/kpi';
import type { FxRates } from '../kpis/kpi-query.js';
import { renderSqlTemplate } from '../kpis/render-kpi-sql.js';
import type { ScratchCopies } from '../kpis/scratch-copies.js';
import { sqlValue } from '../sql/escape.js';

export { scratchTableOf } from '../schema/scratch-tables.js';

export interface RecordPracticesRequest {
  readonly practices: readonly PracticeTemplate[];
  /** The window, [from, to). */
  readonly from: Date;
  readonly to: Date;
  readonly asOf: Date;
  readonly threshold: number;
  readonly fx: FxRates;
  /** How many failing unit ids each practice shows. */
  readonly failingShown: number;
}

/**
 * Levels 2 and 3: the practices' evidence, reading each table they need once (decision 0040).
 * Every table the practices name is read from the request's copies, and one statement counts
 * every practice's units over them. A practice names a table up to four times and ten practices
 * name the standards: read in place, that was ~40 reads a request.
 */
export async function recordPractices(
  copies: ScratchCopies,
  request: RecordPracticesRequest,
): Promise<PracticeEvidence[]> {
  if (request.practices.length === 0) return [];
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
        readTable: copies.readTable,
      }),
      request.failingShown,
    ),
  );
  const rows = await copies.query<EvidenceRow>(evidence.join('\nUNION ALL\n'));
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
