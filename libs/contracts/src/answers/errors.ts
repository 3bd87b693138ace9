import { z } from 'zod';

export const API_ERROR_CODES = [
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'illegal_state',
  'concurrency',
  'payload_too_large',
  'rate_limited',
  'too_many_queries',
  'sql_rejected',
  'rebuilding',
  'projecting',
  'analytics_unavailable',
  'internal',
] as const;

/** Body of every 4xx/5xx response. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string().meta({ examples: ['tender T-9: BidSubmitted after a no_bid decision'] }),
    issues: z
      .array(z.object({ path: z.string(), value: z.unknown(), rule: z.string() }))
      .optional()
      .meta({ description: 'every invalid field, its value and the rule it broke' }),
    fields: z.array(z.string()).optional().meta({
      description:
        'with illegal_state: the fields of the request the refused rule is about (dotted paths, e.g. `deadline`), for a form to show the message on them; absent when the rule is about the record as a whole',
    }),
  }),
});
