import type {
  HealthResponse,
  KpiCatalogEntry,
  KpiUnitsResponse,
  MaturityResponse,
  ScorecardResponse,
  SqlResponse,
  TrendResponse,
} from '@presales/contracts';
import { takeEarly } from './early-answer';
import { ApiError, request } from './http';

/** `?a=1&b=2` of the defined values, in the order given. */
export function queryString(params: Readonly<Record<string, string | number | null | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * The API runs one analyst query per caller at a time (429 beyond): a view's charts queue their
 * statements here instead of racing for the slot.
 */
let sqlTail: Promise<unknown> = Promise.resolve();
export function oneAtATime<T>(run: () => Promise<T>): Promise<T> {
  const next = sqlTail.then(run, run);
  sqlTail = next.catch(() => undefined);
  return next;
}

/** Another tab of the same user may hold the slot: wait as long as the API asks, a few times. */
export async function withRetryAfter<T>(run: () => Promise<T>, signal?: AbortSignal, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 429 || attempt >= attempts || signal?.aborted === true)
        throw error;
      await new Promise((wait) => setTimeout(wait, Math.min(5, Math.max(1, error.retryAfterSeconds ?? 1)) * 1000));
    }
  }
}

export interface ScorecardQuery {
  readonly period: string;
  readonly scope: string;
  readonly asOf?: string | null;
  readonly projectType?: string | null;
}

export function scorecardPath(q: ScorecardQuery): string {
  return `/api/kpis/scorecard${queryString({ period: q.period, scope: q.scope, asOf: q.asOf, projectType: q.projectType })}`;
}

export const api = {
  health: () => request<HealthResponse>('/api/health'),
  catalog: (asOf?: string | null) => request<KpiCatalogEntry[]>(`/api/kpis${queryString({ asOf })}`),
  /** The first view's scorecard may have been asked for alongside the session (router.ts). */
  scorecard: (q: ScorecardQuery, signal?: AbortSignal) =>
    takeEarly(scorecardPath(q), () => request<ScorecardResponse>(scorecardPath(q), { signal })),
  trend: (
    kpiId: string,
    q: { scope: string; asOf?: string | null; grain?: 'month' | 'quarter'; from?: string; to?: string },
    signal?: AbortSignal,
  ) =>
    request<TrendResponse>(
      `/api/kpis/${encodeURIComponent(kpiId)}/trend${queryString({ scope: q.scope, asOf: q.asOf, grain: q.grain, from: q.from, to: q.to })}`,
      { signal },
    ),
  /** The drill-down, by the link a value carries (it names the version and the project type). */
  unitsByHref: (href: string, signal?: AbortSignal) => request<KpiUnitsResponse>(href, { signal }),
  units: (kpiId: string, q: ScorecardQuery, signal?: AbortSignal) =>
    request<KpiUnitsResponse>(
      `/api/kpis/${encodeURIComponent(kpiId)}/units${queryString({ period: q.period, scope: q.scope, asOf: q.asOf, projectType: q.projectType })}`,
      { signal },
    ),
  maturity: (asOf?: string | null, signal?: AbortSignal) =>
    request<MaturityResponse>(`/api/maturity${queryString({ asOf })}`, { signal }),
  sql: (sql: string, signal?: AbortSignal) =>
    oneAtATime(() =>
      withRetryAfter(() => request<SqlResponse>('/api/sql', { method: 'POST', body: { sql }, signal }), signal),
    ),
};
