import type {
  QueryHistoryResponse,
  SavedQueriesResponse,
  SavedQuery,
  SavedQueryVisibility,
  SqlSchemaResponse,
} from '@presales/contracts';
import { oneAtATime, withRetryAfter } from '../api/endpoints';
import { ApiError, csrfHeader, errorMessage, request, requestBytes } from '../api/http';

export type ExportFormat = 'csv' | 'excel' | 'json';

export interface QueryDraft {
  readonly name: string;
  readonly description: string;
  readonly sql: string;
  readonly visibility: SavedQueryVisibility;
  readonly chart: string | null;
}

/**
 * The file the API streams for an export, saved by the browser under the API's file name. The
 * request queues behind the tab's other analyst queries, as `api.sql` does (one slot per caller).
 */
async function download(sql: string, format: ExportFormat): Promise<{ name: string; bytes: number }> {
  const body = { sql, format: format === 'excel' ? 'csv' : format, ...(format === 'excel' ? { excel: true } : {}) };
  const response = await fetch('/api/sql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: '*/*', ...csrfHeader() },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const { code, message } = errorMessage(await response.json().catch(() => undefined), response.status);
    const retryAfter = response.headers.get('retry-after');
    throw new ApiError(response.status, code, message, retryAfter === null ? null : Number(retryAfter));
  }
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    `presales-sql.${format === 'json' ? 'json' : 'csv'}`;
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return { name, bytes: blob.size };
}

export const workbenchApi = {
  /**
   * A statement's answer in the compact shape (`format: 'rows'`), as bytes for the result's worker
   * to parse (decision 0044); queued behind the tab's other analyst queries as `api.sql` is.
   */
  answer: (sql: string) =>
    oneAtATime(() => withRetryAfter(() => requestBytes('/api/sql', { method: 'POST', body: { sql, format: 'rows' } }))),
  schema: (signal?: AbortSignal) => request<SqlSchemaResponse>('/api/sql/schema', { signal }),
  export: (sql: string, format: ExportFormat) => oneAtATime(() => withRetryAfter(() => download(sql, format))),
  saved: (signal?: AbortSignal) => request<SavedQueriesResponse>('/api/sql/saved', { signal }),
  savedOne: (id: string, signal?: AbortSignal) =>
    request<SavedQuery>(`/api/sql/saved/${encodeURIComponent(id)}`, { signal }),
  create: (draft: QueryDraft) => request<SavedQuery>('/api/sql/saved', { method: 'POST', body: draft }),
  saveVersion: (id: string, draft: QueryDraft, baseVersion: number) =>
    request<SavedQuery>(`/api/sql/saved/${encodeURIComponent(id)}`, { method: 'PUT', body: { ...draft, baseVersion } }),
  remove: (id: string) =>
    request<{ deleted: string }>(`/api/sql/saved/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  history: (signal?: AbortSignal) => request<QueryHistoryResponse>('/api/sql/history?limit=50', { signal }),
};
