import { z } from 'zod';
import { SAVED_QUERY_VISIBILITIES } from '../vocabularies.js';
import { UtcTime } from './common.js';

const Person = z.object({ id: z.string(), name: z.string() });

/** One version of a saved query: what the workbench reopens. */
export const SavedQueryVersion = z.object({
  version: z.number(),
  name: z.string(),
  description: z.string(),
  sql: z.string(),
  chart: z
    .string()
    .nullable()
    .meta({ description: "the chart drawn of its result, as the workbench's link encodes it (`chart=…`), or null" }),
  savedAt: UtcTime,
  savedBy: Person,
});

/** GET /api/sql/saved/:id, and each entry of the list: the latest version with its owner. */
export const SavedQuery = z.object({
  id: z.string(),
  owner: Person,
  visibility: z.enum(SAVED_QUERY_VISIBILITIES),
  createdAt: UtcTime,
  latest: SavedQueryVersion,
  mine: z.boolean().meta({ description: 'whether the caller may save a new version or delete it: the owner only' }),
});

export const SavedQueriesResponse = z.object({ queries: z.array(SavedQuery) });
export const SavedQueryVersionsResponse = z.object({ versions: z.array(SavedQueryVersion) });

/** One query the caller ran, newest first in GET /api/sql/history. */
export const QueryHistoryEntry = z.object({
  id: z.number(),
  sql: z.string(),
  ranAt: UtcTime,
  format: z.enum(['result', 'csv', 'json']),
  outcome: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('ok'), rowCount: z.number().nullable(), elapsedMs: z.number() }),
      z.object({ kind: z.literal('refused'), reason: z.string() }),
    ])
    .meta({ description: '`ok` with its row count and time, or `refused` with the reason the caller was given' }),
});

export const QueryHistoryResponse = z.object({ entries: z.array(QueryHistoryEntry) });
