import { parseScope, ScopeFormatError, type KpiScope } from '@presales/analytics';
import { IsoUtcTime, KpiId, ValidationError, validate } from '@presales/domain';
import { parsePeriod, PeriodFormatError, periodsSpanned, PROJECT_TYPES, type Grain, type Period } from '@presales/kpi';
import { z } from 'zod';

/** Query-string parameters shared by the KPI endpoints, parsed with errors that name them. */
export const KpiParams = z.object({
  period: z.string().optional(),
  scope: z.string().default('org'),
  asOf: IsoUtcTime.optional(),
  version: z.coerce.number().int().positive().optional(),
  projectType: z.enum(PROJECT_TYPES).optional(),
  from: IsoUtcTime.optional(),
  to: IsoUtcTime.optional(),
  grain: z.enum(['month', 'quarter']).default('month'),
  limit: z.coerce.number().int().min(1).max(100_000).default(1000),
});

/** The KPI a path names: malformed is a 400 naming `id`, as the contract publishes; well formed but unknown, a 404 later. */
export const KpiPathParams = z.object({ id: KpiId });

export function kpiIdParam(id: string, where: string): string {
  return validate(KpiPathParams, { id }, where).id;
}

export function parseKpiParams(query: unknown, where: string) {
  return validate(KpiParams, query, where);
}

export function periodParam(value: string | undefined, where: string): Period {
  if (value === undefined)
    throw new ValidationError(where, [{ path: 'period', value, rule: 'is required, e.g. 2026-03 or 2026-Q1' }]);
  try {
    return parsePeriod(value);
  } catch (error) {
    if (error instanceof PeriodFormatError)
      throw new ValidationError(where, [{ path: 'period', value, rule: 'must be YYYY-MM or YYYY-Qn' }]);
    throw error;
  }
}

/** How many periods a trend may span: 20 years of months, each a KPI computation of one request. */
export const MAX_TREND_PERIODS = 240;

/** A trend's range: `from` not after `to`, and at most MAX_TREND_PERIODS periods of `grain`. */
export function trendRangeParam(from: Date, to: Date, grain: Grain, where: string): void {
  const range = `${from.toISOString()} to ${to.toISOString()}`;
  if (from > to)
    throw new ValidationError(where, [{ path: 'from', value: from.toISOString(), rule: 'must not be after `to`' }]);
  const periods = periodsSpanned(from, to, grain);
  if (periods > MAX_TREND_PERIODS)
    throw new ValidationError(where, [
      {
        path: 'from',
        value: range,
        rule: `must span at most ${MAX_TREND_PERIODS} ${grain}s (this range spans ${periods})`,
      },
    ]);
}

export function scopeParam(value: string, where: string): KpiScope {
  try {
    return parseScope(value);
  } catch (error) {
    if (error instanceof ScopeFormatError)
      throw new ValidationError(where, [
        { path: 'scope', value, rule: 'must be org, team:<id>, consultant:<id> or product_line:<id>' },
      ]);
    throw error;
  }
}
