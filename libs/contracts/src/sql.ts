import type { Answer } from './answer-type.js';
import type * as answers from './answers/sql.js';

/** POST /api/sql `{ sql }` — one read-only statement over the analytics tables. */
export type SqlResponse = Answer<typeof answers.SqlResponse>;
/** POST /api/sql `{ sql, format: 'rows' }` — the answer with each row an array of values (decision 0044). */
export type SqlRowsResponse = Answer<typeof answers.SqlRowsResponse>;
/** A text in both of the product's languages. */
export type BilingualText = Answer<typeof answers.BilingualText>;
/** GET /api/sql/schema — what an analyst may read, said in both languages. */
export type SqlSchemaResponse = Answer<typeof answers.SqlSchemaResponse>;
export type SqlSchemaTable = Answer<typeof answers.SqlSchemaTable>;
export type SqlSchemaColumn = Answer<typeof answers.SqlSchemaColumn>;
