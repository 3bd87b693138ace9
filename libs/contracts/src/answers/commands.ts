import { z } from 'zod';
import { Decimal64 } from './common.js';

/** 201 from every command route (`POST /api/tenders/{tenderId}/submissions`, …). The ETag header is `"<revision>"`. */
export const CommandAcceptedResponse = z.object({
  command: z.string().meta({ examples: ['SubmitBid'] }),
  streamId: z.string().meta({ examples: ['tender-T-2026-017'] }),
  eventIds: z.array(z.string().meta({ format: 'uuid' })),
  revision: Decimal64.meta({
    description: "the stream's revision after the append: send it back as If-Match to edit what you recorded",
  }),
  position: Decimal64,
  projected: z.boolean().meta({ description: 'whether the events were in the analytics tables when the answer left' }),
});

/** `GET /api/{resource}/{id}`: the aggregate's current state as its decider folds it; ETag `"<revision>"`. */
export const AggregateStateResponse = z.object({
  streamId: z.string(),
  revision: Decimal64,
  state: z.unknown(),
});
