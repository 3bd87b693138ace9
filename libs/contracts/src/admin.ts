import type { Answer } from './answer-type.js';
import type * as answers from './answers/admin.js';

/** POST/GET /api/admin/rebuild */
export type RebuildStatus = Answer<typeof answers.RebuildStatus>;
