/** Who may see a saved query: its owner only, or every SQL user of the platform. */
export const SAVED_QUERY_VISIBILITIES = ['private', 'team'] as const;
export type SavedQueryVisibility = (typeof SAVED_QUERY_VISIBILITIES)[number];

/** One version of a saved query: what the workbench reopens. */
export interface SavedQueryVersion {
  readonly version: number;
  readonly name: string;
  readonly description: string;
  readonly sql: string;
  /** The chart drawn of its result, as the workbench's link encodes it (`chart=…`), or null. */
  readonly chart: string | null;
  readonly savedAt: string;
  readonly savedBy: { readonly id: string; readonly name: string };
}

/** GET /api/sql/saved/:id, and each entry of the list: the latest version with its owner. */
export interface SavedQuery {
  readonly id: string;
  readonly owner: { readonly id: string; readonly name: string };
  readonly visibility: SavedQueryVisibility;
  readonly createdAt: string;
  readonly latest: SavedQueryVersion;
  /** Whether the caller may save a new version or delete it: the owner only. */
  readonly mine: boolean;
}

export interface SavedQueriesResponse {
  readonly queries: readonly SavedQuery[];
}

export interface SavedQueryVersionsResponse {
  readonly versions: readonly SavedQueryVersion[];
}

/** One query the caller ran, newest first in GET /api/sql/history. */
export interface QueryHistoryEntry {
  readonly id: number;
  readonly sql: string;
  readonly ranAt: string;
  readonly format: 'result' | 'csv' | 'json';
  /** `ok` with its row count and time, or `refused` with the reason the caller was given. */
  readonly outcome: { readonly kind: 'ok'; readonly rowCount: number | null; readonly elapsedMs: number } | { readonly kind: 'refused'; readonly reason: string };
}

export interface QueryHistoryResponse {
  readonly entries: readonly QueryHistoryEntry[];
}
