import { z } from 'zod';
import { Decimal64 } from './common.js';

/** 201 from POST /api/tenders. */
export const RecordTenderResponse = z.object({
  streamId: z.string().meta({ examples: ['tender-T-2026-017'] }),
  eventId: z.string(),
  revision: Decimal64,
  position: Decimal64,
  projected: z
    .boolean()
    .meta({ description: 'whether the analytics tables already include the event when the answer was sent' }),
});
