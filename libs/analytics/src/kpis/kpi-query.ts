import type { PublishedKpi, Period } from '@presales/kpi';

export type KpiScope =
  { readonly kind: 'org' } | { readonly kind: 'team' | 'consultant' | 'product_line'; readonly id: string };

/** Amounts in several currencies are added up in one reporting currency (config/fx-rates.json). */
export interface FxRates {
  readonly reportingCurrency: string;
  /** One unit of each currency in the reporting currency, as decimal text. */
  readonly rates: Readonly<Record<string, string>>;
}

export interface KpiQuery {
  readonly definition: PublishedKpi;
  readonly period: Period;
  readonly scope: KpiScope;
  /** Only events recorded at or before this instant count (DESIGN.md decision 11). */
  readonly asOf: Date;
  readonly fx: FxRates;
  /** Filters the opportunities in scope to one project type (project-type overrides). */
  readonly projectType?: string;
  /**
   * Nothing the read models hold was recorded after asOf: tables are read whole, without a
   * filter that would keep every row (a live answer, decision 0017).
   */
  readonly wholeTables?: boolean;
}

/**
 * Asked for no asOf: the answer covers what the read models hold when it is computed, and its
 * asOf is the moment it was complete, read from this clock (decision 0017).
 */
export type LiveClock = () => Date;

export function formatScope(scope: KpiScope): string {
  return scope.kind === 'org' ? 'org' : `${scope.kind}:${scope.id}`;
}

export class ScopeFormatError extends Error {
  constructor(readonly text: string) {
    super(`scope ${JSON.stringify(text)}: must be org, team:<id>, consultant:<id> or product_line:<id>`);
    this.name = 'ScopeFormatError';
  }
}

export function parseScope(text: string): KpiScope {
  if (text === 'org') return { kind: 'org' };
  const match = /^(team|consultant|product_line):([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (match === null) throw new ScopeFormatError(text);
  return { kind: match[1] as 'team' | 'consultant' | 'product_line', id: match[2]! };
}
