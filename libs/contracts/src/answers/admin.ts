import { z } from 'zod';

/** POST/GET /api/admin/rebuild */
export const RebuildStatus = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed']),
  projected: z.number(),
  total: z.number().meta({ description: 'events in the store when the rebuild started' }),
  position: z.string(),
  elapsedMs: z.number(),
  error: z.string().optional(),
});
