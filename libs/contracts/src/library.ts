/** The kinds of knowledge asset (DOMAIN.md asset-<id>). */
export const ASSET_KIND_OPTIONS = ['solution_template', 'case_study', 'answer', 'demo_script', 'pricing_model'] as const;
export type AssetKindOption = (typeof ASSET_KIND_OPTIONS)[number];

/** One asset as the library lists it. */
export interface LibraryAsset {
  readonly assetId: string;
  readonly kind: AssetKindOption;
  readonly title: string;
  readonly productLines: readonly string[];
  readonly ownerId: string;
  /** The latest revision's version and summary; null before the first revision. */
  readonly version: string | null;
  readonly summary: string | null;
  readonly publishedAt: string;
  /** The latest revision, or publication when never revised: what freshness is measured from. */
  readonly revisedAt: string;
  readonly retired: boolean;
  /** Not revised in the configured number of months. */
  readonly stale: boolean;
  /** Sections drafted and activities completed that reused it. */
  readonly reuses: number;
}

/** GET /api/library/assets */
export interface LibrarySearchResponse {
  /** The words the text was split into (Chinese by dictionary, docs/decisions/0032). */
  readonly words: readonly string[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly staleAfterMonths: number;
  readonly assets: readonly LibraryAsset[];
}

export interface AssetVersion {
  readonly version: string;
  readonly summary: string;
  readonly revisedAt: string;
  readonly revisedBy: string;
}

export type AssetReuse =
  | { readonly kind: 'section'; readonly tenderId: string; readonly sectionId: string; readonly opportunityId: string; readonly at: string; readonly outcome: DealOutcome }
  | { readonly kind: 'activity'; readonly activityId: string; readonly opportunityId: string; readonly at: string; readonly outcome: DealOutcome };

/** How the deal a reuse served ended, as of now. */
export type DealOutcome = 'won' | 'lost' | 'open';

/** GET /api/library/assets/:assetId */
export interface AssetDetailResponse {
  readonly asset: LibraryAsset;
  readonly retiredReason: string | null;
  readonly versions: readonly AssetVersion[];
  readonly reuses: readonly AssetReuse[];
  readonly figures: {
    readonly sections: number;
    readonly activities: number;
    readonly won: number;
    readonly lost: number;
    /** won ÷ (won + lost) of the distinct deals it served; null when none closed. */
    readonly winRate: number | null;
  };
}

/** GET /api/library/suggestions */
export interface AssetSuggestionsResponse {
  readonly words: readonly string[];
  readonly assets: readonly LibraryAsset[];
}
