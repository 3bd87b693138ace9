import type { Answer } from './answer-type.js';
import type * as answers from './answers/maturity.js';

/** Text a manager reads, in both languages. */
export type MaturityText = Answer<typeof answers.MaturityText>;
export type MaturityPracticeResult = Answer<typeof answers.MaturityPracticeResult>;
export type MaturityAreaResult = Answer<typeof answers.MaturityAreaResult>;
/** GET /api/maturity and GET /api/maturity/:area */
export type MaturityResponse = Answer<typeof answers.MaturityResponse>;
