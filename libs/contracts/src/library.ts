import type { Answer } from './answer-type.js';
import type * as answers from './answers/library.js';

import { ASSET_KIND_OPTIONS } from './vocabularies.js';
export { ASSET_KIND_OPTIONS } from './vocabularies.js';
export type AssetKindOption = (typeof ASSET_KIND_OPTIONS)[number];

/** One asset as the library lists it. */
export type LibraryAsset = Answer<typeof answers.LibraryAsset>;
/** GET /api/library/assets */
export type LibrarySearchResponse = Answer<typeof answers.LibrarySearchResponse>;
export type AssetVersion = Answer<typeof answers.AssetVersion>;
export type AssetReuse = Answer<typeof answers.AssetReuse>;
/** How the deal a reuse served ended, as of now. */
export type DealOutcome = Answer<typeof answers.DealOutcome>;
/** GET /api/library/assets/:assetId */
export type AssetDetailResponse = Answer<typeof answers.AssetDetailResponse>;
/** GET /api/library/suggestions */
export type AssetSuggestionsResponse = Answer<typeof answers.AssetSuggestionsResponse>;
