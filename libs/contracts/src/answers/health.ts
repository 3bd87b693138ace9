import { z } from 'zod';
import { Decimal64 } from './common.js';

/** GET /api/health — 200 when ok, 503 when degraded. */
export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  eventStore: z.object({
    engine: z.string(),
    ok: z.boolean(),
    headPosition: Decimal64.optional(),
    error: z.string().optional(),
  }),
  analyticsStore: z.object({
    engine: z.string(),
    ok: z.boolean(),
    version: z.string().optional(),
    error: z.string().optional(),
    shards: z
      .array(
        z.object({
          shard: z.number(),
          ok: z.boolean(),
          replicas: z.array(z.object({ address: z.string(), ok: z.boolean() })),
        }),
      )
      .optional()
      .meta({
        description: 'on a cluster: every shard and its replicas; a shard without a replica up makes the store not ok',
      }),
  }),
  projector: z.object({
    state: z.string(),
    checkpoint: z.string(),
    lagEvents: z.number().meta({ description: 'events recorded but not yet in the analytics tables' }),
    lagSeconds: z.number().meta({ description: 'how long the oldest unprojected event has waited' }),
    lastError: z.string().optional(),
  }),
  keptKpiValues: z
    .object({
      state: z.enum(['off', 'waiting', 'filling', 'current', 'behind']),
      computed: z
        .number()
        .meta({ description: 'KPI-periods computed by the last refresh, or so far by the one running' }),
      total: z.number().meta({ description: 'KPI-periods the running or last refresh computes' }),
      through: z
        .string()
        .nullable()
        .meta({ description: 'the projection checkpoint the kept values are current through' }),
      lastError: z.string().nullable(),
    })
    .optional()
    .meta({
      description:
        'KPI values kept per period (decision 0054): scorecards and trends read them while current, and compute otherwise',
    }),
});
