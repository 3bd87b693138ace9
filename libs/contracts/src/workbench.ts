import type { Answer } from './answer-type.js';
import type * as answers from './answers/workbench.js';

import { SAVED_QUERY_VISIBILITIES } from './vocabularies.js';
export { SAVED_QUERY_VISIBILITIES } from './vocabularies.js';
export type SavedQueryVisibility = (typeof SAVED_QUERY_VISIBILITIES)[number];

/** One version of a saved query: what the workbench reopens. */
export type SavedQueryVersion = Answer<typeof answers.SavedQueryVersion>;
/** GET /api/sql/saved/:id, and each entry of the list: the latest version with its owner. */
export type SavedQuery = Answer<typeof answers.SavedQuery>;
export type SavedQueriesResponse = Answer<typeof answers.SavedQueriesResponse>;
export type SavedQueryVersionsResponse = Answer<typeof answers.SavedQueryVersionsResponse>;
/** One query the caller ran, newest first in GET /api/sql/history. */
export type QueryHistoryEntry = Answer<typeof answers.QueryHistoryEntry>;
export type QueryHistoryResponse = Answer<typeof answers.QueryHistoryResponse>;
