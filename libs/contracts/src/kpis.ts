import type { Answer } from './answer-type.js';
import type * as answers from './answers/kpis.js';

/** GET /api/kpis/tenders-received */
export type TendersReceivedResponse = Answer<typeof answers.TendersReceivedResponse>;
