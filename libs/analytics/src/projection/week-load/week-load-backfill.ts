import { sqlIdentifier } from '../../sql/escape.js';
import { createTableStatements, type DdlTarget } from '../../schema/table-definition.js';
import { CONSULTANT_WEEK_LOAD_TABLE, WEEK_LOAD_SOURCES } from './consultant-week-load.js';
import { hundredthsOfSql, mondaysWithinSql } from './week-arithmetic.js';

/**
 * What gives a store created before decision 0048 its weekly committed load: the table, then the
 * rows the projection would have written, from the assignment and release fact rows already
 * there (the same Mondays, hundredths and versions as weekLoadRows). Every statement can run
 * again: the table is created IF NOT EXISTS and a second fill writes rows of the same key and
 * version, which FINAL collapses, so a migration cut short is finished by the next start.
 */
export function weekLoadMigrationStatements(target: DdlTarget): string[] {
  const fills = Object.values(WEEK_LOAD_SOURCES).map((source) => {
    const from =
      source.sign > 0 ? sqlIdentifier(source.fromMs) : `greatest(${sqlIdentifier(source.fromMs)}, occurred_at_ms)`;
    const mondays = mondaysWithinSql(from, sqlIdentifier(source.toMs));
    return [
      `INSERT INTO ${sqlIdentifier(CONSULTANT_WEEK_LOAD_TABLE.name)} (monday_ms, consultant_id, position, assignment_id, load_hundredths, version)`,
      `SELECT arrayJoin(${mondays}) AS monday_ms, entity_id AS consultant_id, position, assignment_id,`,
      `  ${source.sign} * ${hundredthsOfSql(sqlIdentifier(source.pct))} AS load_hundredths, position AS version`,
      `FROM ${sqlIdentifier(source.table)} FINAL`,
      ...(target.cluster === undefined ? [] : ['SETTINGS insert_distributed_sync = 1']),
    ].join('\n');
  });
  return [
    ...createTableStatements(CONSULTANT_WEEK_LOAD_TABLE, target),
    ...fills,
    // One node: merge a second fill's rows away now (a cluster leaves it to background merges,
    // as copied-columns.ts explains; reads use FINAL either way).
    ...(target.cluster === undefined ? [`OPTIMIZE TABLE ${sqlIdentifier(CONSULTANT_WEEK_LOAD_TABLE.name)} FINAL`] : []),
  ];
}
