import type {
  ApiErrorBody,
  HealthResponse,
  MaturityResponse,
  RecordTenderRequest,
  RecordTenderResponse,
  ScorecardResponse,
  TendersReceivedResponse,
} from '@presales/contracts';

/** An error the API answered with: its message names the field, the value and the rule. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | undefined,
  ) {
    super(body?.error.message ?? `HTTP ${status}`);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok && !(path === '/api/health' && response.status === 503))
    throw new ApiError(response.status, body as ApiErrorBody | undefined);
  return body as T;
}

export const api = {
  tendersReceived: () => request<TendersReceivedResponse>('/api/kpis/tenders-received'),
  health: () => request<HealthResponse>('/api/health'),
  recordTender: (tender: RecordTenderRequest) =>
    request<RecordTenderResponse>('/api/tenders', { method: 'POST', body: JSON.stringify(tender) }),
  scorecard: (period: string, scope: string) =>
    request<ScorecardResponse>(
      `/api/kpis/scorecard?period=${encodeURIComponent(period)}&scope=${encodeURIComponent(scope)}`,
      { headers: { 'x-actor-role': 'manager' } },
    ),
  maturity: () => request<MaturityResponse>('/api/maturity', { headers: { 'x-actor-role': 'manager' } }),
};
