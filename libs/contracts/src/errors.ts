import type { Answer } from './answer-type.js';
import type * as answers from './answers/errors.js';

/** Body of every 4xx/5xx response. */
export type ApiErrorBody = Answer<typeof answers.ApiErrorBody>;
