import { z } from 'zod';

/** Ids are `[A-Za-z0-9_-]{1,64}` (DOMAIN.md). */
export const EntityId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must match [A-Za-z0-9_-]{1,64}');

/** ISO-8601 UTC time with a `Z` suffix, e.g. 2026-03-01T09:30:00Z. */
export const IsoUtcTime = z.iso.datetime({ message: 'must be an ISO-8601 UTC time such as 2026-03-01T09:30:00Z' });

export const NonEmptyText = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');
