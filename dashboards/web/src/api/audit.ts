import type {
  AuditReadsResponse,
  BidHistoryResponse,
  DeadlineProofResponse,
  RecordSearchResponse,
  StateAsOfResponse,
  StateDiffResponse,
} from '@presales/contracts';
import { queryString } from './endpoints';
import { ApiError, errorMessage, request } from './http';

const tender = (tenderId: string) => `/api/audit/tenders/${encodeURIComponent(tenderId)}`;
const stream = (streamId: string) => `/api/audit/streams/${encodeURIComponent(streamId)}`;

/** An evidence pack as downloaded, with the anchor to keep apart from it (docs/audit.md, step 1). */
export interface DownloadedPack {
  readonly blob: Blob;
  readonly fileName: string;
  readonly manifestSha256: string;
}

/** The audit API (docs/audit.md): auditors and admins; every call is itself recorded in the audit log. */
export const auditApi = {
  search: (q: string, page: number, signal?: AbortSignal) =>
    request<RecordSearchResponse>(`/api/audit/search${queryString({ q, page, pageSize: 20 })}`, { signal }),
  history: (tenderId: string, signal?: AbortSignal) =>
    request<BidHistoryResponse>(`${tender(tenderId)}/history`, { signal }),
  deadlineProof: (tenderId: string, signal?: AbortSignal) =>
    request<DeadlineProofResponse>(`${tender(tenderId)}/deadline-proof`, { signal }),
  stateAsOf: (streamId: string, at: string, signal?: AbortSignal) =>
    request<StateAsOfResponse>(`${stream(streamId)}/state${queryString({ at })}`, { signal }),
  diff: (streamId: string, from: string, to: string, signal?: AbortSignal) =>
    request<StateDiffResponse>(`${stream(streamId)}/diff${queryString({ from, to })}`, { signal }),
  /** The last seven days of audit reads (admins). */
  reads: (signal?: AbortSignal) => request<AuditReadsResponse>('/api/audit/reads', { signal }),
  /** The pack's bytes: a download the page saves, not JSON. */
  evidence: async (tenderId: string): Promise<DownloadedPack> => {
    const response = await fetch(`${tender(tenderId)}/evidence`, { credentials: 'same-origin' });
    if (!response.ok) {
      const { code, message } = errorMessage(await response.json().catch(() => undefined), response.status);
      throw new ApiError(response.status, code, message);
    }
    return {
      blob: await response.blob(),
      fileName: `evidence-${tenderId}.tar`,
      manifestSha256: response.headers.get('x-manifest-sha256') ?? '',
    };
  },
};
