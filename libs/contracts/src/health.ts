import type { Answer } from './answer-type.js';
import type * as answers from './answers/health.js';

/** GET /api/health — 200 when ok, 503 when degraded. */
export type HealthResponse = Answer<typeof answers.HealthResponse>;
export type HealthStatus = HealthResponse['status'];
