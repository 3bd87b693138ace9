import { periodBounds, type Aggregate } from '@presales/kpi';
import { isSqlIdentifier, sqlIdentifier, sqlValue } from '../sql/escape.js';
import type { KpiQuery, KpiScope } from './kpi-query.js';

/** A KPI definition's SQL template that cannot be rendered (an unknown macro, a missing argument): the definition's fault. */
export class KpiSqlTemplateError extends Error {
  override readonly name = 'KpiSqlTemplateError';
}

/**
 * Fills a KPI's SQL template. Every value goes through `sqlValue`, every table through
 * `sqlIdentifier`; the macros are the only way a template names time, scope or money:
 *
 * - `{{from}}`, `{{to}}`: the period as epoch ms, [from, to); `{{asof}}`: asOf as epoch ms.
 * - `{{t:table}}`: the table as of asOf — `(SELECT * FROM table FINAL PREWHERE recorded_at_ms <= asOf)`.
 * - `{{closures}}`: (opportunity_id, closed_ms, outcome) of every Won, Lost and QualifiedOut.
 * - `{{in_opp_scope:expr}}`: expr is an opportunity in scope (docs/kpis.md "Scope").
 * - `{{in_cons_scope:expr}}`: expr is a consultant in scope.
 * - `{{in_scope_via:table:expr}}`: expr is an entity of `table` whose opportunity_id is in scope.
 * - `{{in_line_or_opp_scope:line:opp}}`: product_line scope on `line`, else opportunity scope on `opp`.
 * - `{{in_support_scope:line:consultant}}`: product_line on `line`, team/consultant on `consultant`.
 * - `{{in_action_scope}}`: corrective actions of this scope.
 * - `{{fx:amount:currency}}`: the amount in the reporting currency, as Float64.
 * - `{{param:name:key:default}}`: the definition's parameter `name` looked up by `key`.
 * - `{{mondays}}`: array of the Mondays 00:00 UTC in the period, as epoch ms.
 */
export function renderKpiSql(template: string, query: KpiQuery, readTable?: TemplateContext['readTable']): string {
  const { start, end } = periodBounds(query.period);
  return renderSqlTemplate(template, {
    ...query,
    start,
    end,
    parameters: query.definition.parameters,
    label: `KPI ${query.definition.id}`,
    ...(readTable === undefined ? {} : { readTable }),
  });
}

/** What a template may refer to: a time range, asOf, a scope, exchange rates and parameters. */
export interface TemplateContext {
  readonly start: Date;
  readonly end: Date;
  readonly asOf: Date;
  readonly scope: KpiScope;
  readonly fx: KpiQuery['fx'];
  readonly projectType?: string;
  readonly parameters: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Names the template in errors. */
  readonly label: string;
  /** Read tables whole: nothing in them was recorded after asOf (KpiQuery.wholeTables). */
  readonly wholeTables?: boolean;
  /**
   * How `{{t:table}}` and the macros built on it read a table, instead of as of asOf: a copy
   * the caller made of it as of asOf (maturity's temporary tables, decision 0040).
   */
  readonly readTable?: (table: string) => string;
}

/** How a template's macros read a table: as of asOf, or whole. */
type TableReader = (table: string) => string;

/** Fills any analytics SQL template (KPIs, maturity practices) with the macros above. */
export function renderSqlTemplate(template: string, query: TemplateContext): string {
  const { start, end } = query;
  const asOf = query.asOf.getTime();
  const read: TableReader =
    query.readTable ?? (query.wholeTables === true ? wholeTable : (name) => asOfTable(name, asOf));
  // A template's table names reach the statements, and a maturity's copies and drops, as written:
  // one that is no plain name is the definition's fault (a 400 when it is published), not the engine's.
  const table: TableReader = (name) => {
    if (!isSqlIdentifier(name))
      throw new KpiSqlTemplateError(
        `${query.label}: ${JSON.stringify(name)} is not a table name (letters, digits and _, not starting with a digit)`,
      );
    return read(name);
  };
  const context: RenderContext = { query, table };
  return template.replace(/\{\{([a-z_]+)((?::[^:}]+)*)\}\}/g, (_match, name: string, rawArgs: string) => {
    const args = rawArgs === '' ? [] : rawArgs.slice(1).split(':');
    switch (name) {
      case 'from':
        return sqlValue(start.getTime());
      case 'to':
        return sqlValue(end.getTime());
      case 'asof':
        return sqlValue(asOf);
      case 't':
        return table(arg(args, 0, name));
      case 'closures':
        return closures(table);
      case 'in_opp_scope':
        return inOpportunityScope(arg(args, 0, name), context);
      case 'in_cons_scope':
        return inConsultantScope(arg(args, 0, name), query.scope, table);
      case 'in_scope_via':
        return inScopeVia(arg(args, 0, name), arg(args, 1, name), context);
      case 'in_line_or_opp_scope':
        return query.scope.kind === 'product_line'
          ? `${arg(args, 0, name)} = ${sqlValue(query.scope.id)}`
          : inOpportunityScope(arg(args, 1, name), context);
      case 'in_support_scope':
        return supportScope(arg(args, 0, name), arg(args, 1, name), query.scope, table);
      case 'in_action_scope':
        return query.scope.kind === 'org'
          ? '1'
          : `(scope_kind = ${sqlValue(query.scope.kind)} AND scope_id = ${sqlValue(query.scope.id)})`;
      case 'fx':
        return fx(arg(args, 0, name), arg(args, 1, name), query);
      case 'param':
        return parameter(args, query);
      case 'mondays':
        // Bare literals: these epoch milliseconds are UInt64 already, and a KPI repeats the
        // array a dozen times, each toUInt64() call one more node to analyse.
        return `[${mondays(start, end).join(', ')}]`;
      default:
        throw new KpiSqlTemplateError(`${query.label}: unknown SQL macro {{${name}}}`);
    }
  });
}

/**
 * The KPI's value from its units, in SQL, by its aggregate. `leading` is selected before value
 * and units (a scorecard's slot number), without another SELECT around the KPI.
 */
export function aggregateSql(aggregate: Aggregate, unitsSql: string, leading?: string): string {
  const units = `(\n${unitsSql}\n) AS units`;
  const select = leading === undefined ? 'SELECT' : `SELECT ${leading},`;
  switch (aggregate) {
    case 'ratio':
      return `${select} if(sum(den) = 0, NULL, sum(num) / sum(den)) AS value, count() AS units FROM ${units}`;
    case 'mean':
      return `${select} if(count() = 0, NULL, avg(num)) AS value, count() AS units FROM ${units}`;
    case 'sum':
      return `${select} toFloat64(sum(num)) AS value, count() AS units FROM ${units}`;
    case 'median':
      // ClickHouse 18.16 has no exact median that averages the two middle values: sort and pick.
      return [
        `${select} if(length(sorted) = 0, NULL, if(length(sorted) % 2 = 1, sorted[intDiv(length(sorted), 2) + 1],`,
        '  (sorted[intDiv(length(sorted), 2)] + sorted[intDiv(length(sorted), 2) + 1]) / 2)) AS value, length(sorted) AS units',
        `FROM (SELECT arraySort(groupArray(num)) AS sorted FROM ${units}) AS med`,
      ].join('\n');
    case 'lift':
      return [
        `${select} if(sumIf(den, grp = 1) = 0 OR sumIf(den, grp = 0) = 0, NULL,`,
        '  sumIf(num, grp = 1) / sumIf(den, grp = 1) - sumIf(num, grp = 0) / sumIf(den, grp = 0)) AS value, count() AS units',
        `FROM ${units}`,
      ].join('\n');
  }
}

interface RenderContext {
  readonly query: TemplateContext;
  readonly table: TableReader;
}

function arg(args: readonly string[], index: number, macro: string): string {
  const value = args[index];
  if (value === undefined) throw new KpiSqlTemplateError(`SQL macro {{${macro}}} needs argument ${index + 1}`);
  return value;
}

/**
 * A table as of an instant: only rows recorded at or before it (DESIGN.md decision 11), with
 * PREWHERE, about 5% less CPU in a scorecard than WHERE. Where the filter runs against FINAL's
 * merge of a key's rows is the engine's choice: chDB applies it after the merge (a review found
 * two rows under one key, recorded either side of asOf, both gone), not before. The answer is the
 * same either way only because every row under one key is a copy of one event's, recorded at one
 * instant, so a key's rows pass or fail together. A table that writes rows of different events
 * under one key must filter before FINAL (a subquery), or its as-of answers are wrong.
 */
export function asOfTable(table: string, asOf: number, database?: string): string {
  return `(${asOfSelect(table, asOf, database)})`;
}

/**
 * `asOfTable`'s SELECT, for a statement that reads nothing else: a maturity's copy of the table
 * (decision 0050: without a subquery around it, 40 copies cost a fifth less on chDB).
 */
export function asOfSelect(table: string, asOf: number, database?: string): string {
  const name = database === undefined ? sqlIdentifier(table) : `${sqlIdentifier(database)}.${sqlIdentifier(table)}`;
  return `SELECT * FROM ${name} FINAL PREWHERE recorded_at_ms <= ${sqlValue(asOf)}`;
}

/** A table nothing was recorded in after asOf: every row, without a filter that keeps them all. */
function wholeTable(table: string): string {
  return `(SELECT * FROM ${sqlIdentifier(table)} FINAL)`;
}

function closures(table: TableReader): string {
  return [
    `SELECT entity_id AS opportunity_id, occurred_at_ms AS closed_ms, 'won' AS outcome FROM ${table('opportunity_won')} AS cw`,
    `UNION ALL SELECT entity_id AS opportunity_id, occurred_at_ms AS closed_ms, 'lost' AS outcome FROM ${table('opportunity_lost')} AS cl`,
    `UNION ALL SELECT entity_id AS opportunity_id, occurred_at_ms AS closed_ms, 'qualified_out' AS outcome FROM ${table('opportunity_qualified_out')} AS cq`,
  ].join('\n');
}

/** SELECT of the consultant ids in a team / product line / consultant scope. */
function consultantsOf(scope: Exclude<KpiScope, { kind: 'org' }>, table: TableReader): string {
  const id = sqlValue(scope.id);
  switch (scope.kind) {
    case 'consultant':
      return `SELECT ${id} AS consultant_id`;
    case 'product_line':
      return `SELECT entity_id AS consultant_id FROM ${table('consultant_onboarded')} AS so WHERE has(product_lines, ${id})`;
    case 'team':
      return [
        `SELECT entity_id AS consultant_id FROM ${table('consultant_onboarded')} AS so WHERE team_id = ${id}`,
        `UNION ALL SELECT consultant_id FROM ${table('team_member_added')} AS sm WHERE entity_id = ${id}`,
      ].join(' ');
  }
}

function inConsultantScope(expr: string, scope: KpiScope, table: TableReader): string {
  return scope.kind === 'org' ? '1' : `${expr} IN (${consultantsOf(scope, table)})`;
}

/** SELECT of the opportunity ids in scope, or undefined when every opportunity is. */
function opportunitiesOf({ query, table }: RenderContext): string | undefined {
  const { scope, projectType } = query;
  const typeFilter = projectType === undefined ? '' : ` AND project_type = ${sqlValue(projectType)}`;
  let selection: string | undefined;
  if (scope.kind === 'product_line') {
    selection = `SELECT entity_id FROM ${table('opportunity_registered')} AS sr WHERE has(product_lines, ${sqlValue(scope.id)})${typeFilter}`;
  } else if (scope.kind === 'team' || scope.kind === 'consultant') {
    const assigned = `SELECT opportunity_id FROM ${table('consultant_assigned')} AS sa WHERE entity_id IN (${consultantsOf(scope, table)})`;
    selection =
      projectType === undefined
        ? assigned
        : `SELECT entity_id FROM ${table('opportunity_registered')} AS sr WHERE entity_id IN (${assigned})${typeFilter}`;
  } else if (projectType !== undefined) {
    selection = `SELECT entity_id FROM ${table('opportunity_registered')} AS sr WHERE 1${typeFilter}`;
  }
  return selection;
}

function inOpportunityScope(expr: string, context: RenderContext): string {
  const opportunities = opportunitiesOf(context);
  return opportunities === undefined ? '1' : `${expr} IN (${opportunities})`;
}

function inScopeVia(table: string, expr: string, context: RenderContext): string {
  const opportunities = opportunitiesOf(context);
  if (opportunities === undefined) return '1';
  return `${expr} IN (SELECT entity_id FROM ${context.table(table)} AS sv WHERE opportunity_id IN (${opportunities}))`;
}

function supportScope(lineExpr: string, consultantExpr: string, scope: KpiScope, table: TableReader): string {
  if (scope.kind === 'org') return '1';
  if (scope.kind === 'product_line') return `${lineExpr} = ${sqlValue(scope.id)}`;
  return inConsultantScope(consultantExpr, scope, table);
}

function fx(amountExpr: string, currencyExpr: string, query: TemplateContext): string {
  const currencies = Object.keys(query.fx.rates);
  // '' is an absent amount (e.g. no registration): it counts as 0. Any other unknown currency
  // gives NaN, which the runner reports as a missing rate.
  const codes = ["''", ...currencies.map((c) => sqlValue(c))].join(', ');
  const rates = ['0', ...currencies.map((c) => Number(query.fx.rates[c]))].map(float).join(', ');
  return `(toFloat64(${amountExpr}) * transform(${currencyExpr}, [${codes}], [${rates}], nan))`;
}

function parameter(args: readonly string[], query: TemplateContext): string {
  const [name, key, fallback] = [arg(args, 0, 'param'), arg(args, 1, 'param'), Number(arg(args, 2, 'param'))];
  const table = query.parameters[name] ?? {};
  const keys = Object.keys(table);
  if (keys.length === 0) return float(fallback);
  return `transform(${key}, [${keys.map((k) => sqlValue(k)).join(', ')}], [${keys.map((k) => float(Number(table[k]))).join(', ')}], ${float(fallback)})`;
}

/** A Float64 literal, so arrays of rates never narrow to integer types. */
function float(value: number | string): string {
  const number = Number(value);
  if (!Number.isFinite(number)) throw new RangeError(`not a finite number: ${value}`);
  return `toFloat64(${sqlValue(number)})`;
}

/** Mondays 00:00 UTC in [start, end). */
export function mondays(start: Date, end: Date): number[] {
  const day = 86_400_000;
  const first = new Date(start);
  const offset = (8 - first.getUTCDay()) % 7; // days until Monday (0 when start is a Monday)
  const result: number[] = [];
  for (let t = start.getTime() + offset * day; t < end.getTime(); t += 7 * day) result.push(t);
  return result;
}
