import { ASSET_KIND_OPTIONS } from '@presales/contracts';
import { EntityId } from '@presales/domain';
import { z } from 'zod';

const Months = z.coerce
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(120, 'must be at most 120');

export const LibrarySearchParams = z.strictObject({
  q: z.string().max(200, 'must be at most 200 characters').default(''),
  productLine: EntityId.optional(),
  kind: z.enum(ASSET_KIND_OPTIONS).optional(),
  owner: EntityId.optional(),
  status: z.enum(['active', 'retired', 'any']).default('active'),
  freshness: z.enum(['fresh', 'stale', 'any']).default('any'),
  staleAfterMonths: Months.optional(),
  offset: z.coerce
    .number()
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(100_000, 'must be at most 100000')
    .default(0),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
});

export const AssetIdParam = z.object({ assetId: EntityId });

export const AssetSuggestionParams = z.strictObject({
  productLine: EntityId,
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(20, 'must be at most 20')
    .default(5),
  staleAfterMonths: Months.optional(),
});
