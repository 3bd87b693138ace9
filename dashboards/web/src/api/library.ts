import type {
  AssetDetailResponse,
  AssetKindOption,
  AssetSuggestionsResponse,
  CapacityPlanResponse,
  LibrarySearchResponse,
  OpenSupportRequestsResponse,
  StaffingSuggestionsResponse,
} from '@presales/contracts';
import { queryString } from './endpoints';
import { request } from './http';

export interface LibraryQuery {
  readonly q?: string;
  readonly productLine?: string;
  readonly kind?: string;
  readonly owner?: string;
  readonly status?: 'active' | 'retired' | 'any';
  readonly freshness?: 'fresh' | 'stale' | 'any';
  readonly offset?: number;
  readonly limit?: number;
}

/** What a staffing suggestion is for: a support request, an activity or a war room. */
export type StaffingTarget =
  | { readonly kind: 'request'; readonly opportunityId: string; readonly requestId: string }
  | { readonly kind: 'activity'; readonly activityId: string }
  | { readonly kind: 'war_room'; readonly warRoomId: string };

const id = encodeURIComponent;

export function suggestionsPath(target: StaffingTarget): string {
  if (target.kind === 'request')
    return `/api/staffing/opportunities/${id(target.opportunityId)}/requests/${id(target.requestId)}/suggestions`;
  if (target.kind === 'activity') return `/api/staffing/activities/${id(target.activityId)}/suggestions`;
  return `/api/staffing/war-rooms/${id(target.warRoomId)}/suggestions`;
}

export const libraryApi = {
  search: (q: LibraryQuery, signal?: AbortSignal) =>
    request<LibrarySearchResponse>(`/api/library/assets${queryString({ ...q })}`, { signal }),
  asset: (assetId: string, signal?: AbortSignal) =>
    request<AssetDetailResponse>(`/api/library/assets/${id(assetId)}`, { signal }),
  suggestAssets: (productLine: string, title: string, signal?: AbortSignal) =>
    request<AssetSuggestionsResponse>(`/api/library/suggestions${queryString({ productLine, title })}`, { signal }),
  openRequests: (signal?: AbortSignal) => request<OpenSupportRequestsResponse>('/api/staffing/requests', { signal }),
  staffing: (target: StaffingTarget, signal?: AbortSignal) =>
    request<StaffingSuggestionsResponse>(suggestionsPath(target), { signal }),
  capacityPlan: (q: { teamId?: string; productLine?: string }, signal?: AbortSignal) =>
    request<CapacityPlanResponse>(`/api/capacity-plan${queryString({ ...q })}`, { signal }),
};

/**
 * The knowledge and staffing commands, through the command API's routes (apps/api COMMAND_ROUTES):
 * the API checks each payload and role and answers with its own words when it refuses.
 */
export const libraryCommands = {
  publish: (body: { assetId: string; kind: AssetKindOption; title: string; productLines: string[]; ownerId: string }) =>
    request<unknown>('/api/assets', { method: 'POST', body }),
  revise: (assetId: string, summary: string) =>
    request<unknown>(`/api/assets/${id(assetId)}/revisions`, { method: 'POST', body: { summary } }),
  retire: (assetId: string, reason: string) =>
    request<unknown>(`/api/assets/${id(assetId)}/retirements`, { method: 'POST', body: { reason } }),
  assign: (
    consultantId: string,
    body: {
      assignmentId: string;
      opportunityId: string;
      role: 'lead' | 'support' | 'specialist';
      allocationPct: number;
      from: string;
      to: string;
    },
  ) => request<unknown>(`/api/consultants/${id(consultantId)}/assignments`, { method: 'POST', body }),
  inviteToWarRoom: (warRoomId: string, consultantId: string) =>
    request<unknown>(`/api/war-rooms/${id(warRoomId)}/joins`, { method: 'POST', body: { consultantId } }),
  draftSection: (tenderId: string, body: { sectionId: string; authorId: string; reusedAssetIds: string[] }) =>
    request<unknown>(`/api/tenders/${id(tenderId)}/section-drafts`, { method: 'POST', body }),
};
