import { formatPeriod, periodContaining, previousPeriod, PROJECT_TYPES } from '@presales/kpi';

export { PROJECT_TYPES };

/**
 * The controls every view shares, kept in the URL's query so that a link, a reload, back and
 * forward all show the same numbers. Defaults are left out of the URL.
 */
export interface GlobalState {
  /** `2026-Q3` or `2026-07`. */
  readonly period: string;
  /** `org`, `team:ID`, `consultant:ID`, `product_line:ID`. */
  readonly scope: string;
  /** ISO-8601 UTC: the dashboard as the record stood then; null = live. */
  readonly asOf: string | null;
  readonly projectType: string | null;
}

export type RouteQuery = Readonly<Record<string, unknown>>;

/** The previous complete quarter of a date: the period a manager reviews by default. */
export function defaultPeriod(now: Date): string {
  return formatPeriod(previousPeriod(periodContaining(now, 'quarter')));
}

const PERIOD = /^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/;
const SCOPE = /^(org|(team|consultant|product_line):[\w.-]+)$/;

function text(query: RouteQuery, key: string): string | undefined {
  const value = query[key];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/** A bad value in a hand-edited link falls back to its default instead of failing the view. */
export function parseGlobalState(query: RouteQuery, now: Date): GlobalState {
  const period = text(query, 'period');
  const scope = text(query, 'scope');
  const asOf = text(query, 'asOf');
  const projectType = text(query, 'projectType');
  return {
    period: period !== undefined && PERIOD.test(period) ? period : defaultPeriod(now),
    scope: scope !== undefined && SCOPE.test(scope) ? scope : 'org',
    asOf: asOf !== undefined && !Number.isNaN(Date.parse(asOf)) ? new Date(asOf).toISOString() : null,
    projectType:
      projectType !== undefined && (PROJECT_TYPES as readonly string[]).includes(projectType) ? projectType : null,
  };
}

/** The query of a state: only what differs from the defaults, so plain links stay plain. */
export function globalQuery(state: GlobalState, now: Date): Record<string, string> {
  const query: Record<string, string> = {};
  if (state.period !== defaultPeriod(now)) query['period'] = state.period;
  if (state.scope !== 'org') query['scope'] = state.scope;
  if (state.asOf !== null) query['asOf'] = state.asOf;
  if (state.projectType !== null) query['projectType'] = state.projectType;
  return query;
}

/** The end of a day as the asOf of "the dashboard as it was on that date" (UTC). */
export function endOfDayUtc(date: string): string {
  return `${date}T23:59:59.999Z`;
}
