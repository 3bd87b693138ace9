import { z } from 'zod';
import type { Upcasters } from '../shared/upcasting.js';
import { validate } from '../shared/validate.js';
import { QuoteDraftedData } from './quote.events.js';
import { QuoteLineSchema, quoteLinesOf } from './quote.line.js';

/** QuoteDrafted schemaVersion 1: lines had no discountPct (every price was net). */
export const QuoteDraftedV1Data = QuoteDraftedData.extend({
  lines: quoteLinesOf(QuoteLineSchema.omit({ discountPct: true })),
});

/** Old shapes of quote events, each turned into the next version on read. */
export const QUOTE_UPCASTERS: Upcasters = {
  QuoteDrafted: {
    // v1 → v2: a line without a discount is a line with discountPct "0".
    1: (data) => {
      const v1 = validate(QuoteDraftedV1Data, data, 'QuoteDrafted schemaVersion 1');
      return { ...v1, lines: v1.lines.map((line) => ({ ...line, discountPct: '0' })) } satisfies z.input<
        typeof QuoteDraftedData
      >;
    },
  },
};
