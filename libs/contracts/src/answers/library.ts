import { z } from 'zod';
import { ASSET_KIND_OPTIONS } from '../vocabularies.js';

/** One asset as the library lists it. */
export const LibraryAsset = z.object({
  assetId: z.string(),
  kind: z.enum(ASSET_KIND_OPTIONS),
  title: z.string(),
  productLines: z.array(z.string()),
  ownerId: z.string(),
  version: z.string().nullable().meta({ description: "the latest revision's version; null before the first revision" }),
  summary: z.string().nullable(),
  publishedAt: z.string(),
  revisedAt: z
    .string()
    .meta({ description: 'the latest revision, or publication when never revised: what freshness is measured from' }),
  retired: z.boolean(),
  stale: z.boolean().meta({ description: 'not revised in the configured number of months' }),
  reuses: z.number().meta({ description: 'sections drafted and activities completed that reused it' }),
});

/** GET /api/library/assets */
export const LibrarySearchResponse = z.object({
  words: z
    .array(z.string())
    .meta({ description: 'the words the text was split into (Chinese by dictionary, docs/decisions/0032)' }),
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  staleAfterMonths: z.number(),
  assets: z.array(LibraryAsset),
});

export const AssetVersion = z.object({
  version: z.string(),
  summary: z.string(),
  revisedAt: z.string(),
  revisedBy: z.string(),
});

/** How the deal a reuse served ended, as of now. */
export const DealOutcome = z.enum(['won', 'lost', 'open']);

export const AssetReuse = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('section'),
    tenderId: z.string(),
    sectionId: z.string(),
    opportunityId: z.string(),
    at: z.string(),
    outcome: DealOutcome,
  }),
  z.object({
    kind: z.literal('activity'),
    activityId: z.string(),
    opportunityId: z.string(),
    at: z.string(),
    outcome: DealOutcome,
  }),
]);

/** GET /api/library/assets/:assetId */
export const AssetDetailResponse = z.object({
  asset: LibraryAsset,
  retiredReason: z.string().nullable(),
  versions: z.array(AssetVersion),
  reuses: z.array(AssetReuse),
  figures: z.object({
    sections: z.number(),
    activities: z.number(),
    won: z.number(),
    lost: z.number(),
    winRate: z
      .number()
      .nullable()
      .meta({ description: 'won ÷ (won + lost) of the distinct deals it served; null when none closed' }),
  }),
});

/** GET /api/library/suggestions */
export const AssetSuggestionsResponse = z.object({ words: z.array(z.string()), assets: z.array(LibraryAsset) });
