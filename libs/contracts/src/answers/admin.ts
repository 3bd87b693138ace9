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

const ImportRejection = z.object({
  line: z.number().meta({ description: 'the line of the body, from 1' }),
  code: z.string().meta({ description: 'what kind of rejection (invalid_json, invalid_data, unknown_reference, …)' }),
  reason: z.string().meta({ description: 'the field, the value and the rule, or the invariant' }),
  stream: z.string().optional(),
  type: z.string().optional(),
  id: z.string().optional(),
});

/** POST /api/import */
export const ImportResponse = z.object({
  lines: z.number(),
  appended: z.number(),
  alreadyPresent: z.number().meta({ description: 'lines whose event is on the record already, with the same content' }),
  rejected: z.number(),
  rejectedByCode: z.record(z.string(), z.number()),
  rejections: z.array(ImportRejection).meta({ description: 'the first rejections' }),
  rejectionsOmitted: z.number().meta({ description: 'rejections beyond those listed' }),
});
