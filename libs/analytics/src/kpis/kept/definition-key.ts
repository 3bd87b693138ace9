import { createHash } from 'node:crypto';
import { canonicalJson } from '@presales/event-store';
import { CATALOG_PERIOD_CHANGES, parsePeriod, type PublishedKpi } from '@presales/kpi';
import { MIGRATIONS } from '../../schema/migrations.js';
import type { FxRates } from '../kpi-query.js';
import { aggregateSql, renderKpiSql } from '../render-kpi-sql.js';

/** Raised by hand when what a kept value means changes in a way nothing below shows. */
const KEPT_VALUES_FORMAT = 1;

/**
 * What a KPI's value depends on beyond the rows it reads: its SQL as rendered (a release that
 * changes a macro or an aggregate changes it), parameters, the exchange rates, the declarations
 * of the periods its rows change, and the latest migration (one may rewrite projected rows in
 * place, moving no checkpoint). A new version that changes none of them — a target, a weight —
 * keeps the values of the one before; anything else is computed again.
 */
export function definitionKey(definition: PublishedKpi, fx: FxRates): string {
  // Asked for every question of a scorecard: each definition is rendered and hashed once.
  const known = keys.get(definition);
  if (known?.fx === fx) return known.key;
  const key = keyOf(definition, fx);
  keys.set(definition, { fx, key });
  return key;
}

const keys = new WeakMap<PublishedKpi, { readonly fx: FxRates; readonly key: string }>();

function keyOf(definition: PublishedKpi, fx: FxRates): string {
  const { id, sql, aggregate, parameters } = definition;
  const sample = { definition, period: parsePeriod('2025-01'), scope: { kind: 'org' } as const, asOf: new Date(0), fx };
  const rendered = aggregateSql(aggregate, renderKpiSql(sql, { ...sample, wholeTables: true }));
  const dependsOn = {
    format: KEPT_VALUES_FORMAT,
    id,
    rendered,
    parameters,
    fx,
    changes: CATALOG_PERIOD_CHANGES[id] ?? {},
    migration: MIGRATIONS.at(-1)?.id ?? 0,
  };
  return createHash('sha256').update(canonicalJson(dependsOn)).digest('hex').slice(0, 32);
}
