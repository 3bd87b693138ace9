import { z } from 'zod';
import { EntityId, NonEmptyText, NonNegativeDecimal, PercentDecimal, PositiveDecimal, ProductLineId } from '../shared/primitives.js';

/**
 * A line is `{ lineId, productLine, sku, description, quantity, unitPrice, unitCost, discountPct }`
 * with decimals as strings (DOMAIN.md). Prices and costs are in the quote's currency.
 */
export const QuoteLineSchema = z
  .strictObject({
    lineId: EntityId,
    productLine: ProductLineId,
    sku: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
    description: NonEmptyText,
    quantity: PositiveDecimal,
    unitPrice: NonNegativeDecimal,
    unitCost: NonNegativeDecimal,
    /** Discount on quantity × unitPrice, in percent. */
    discountPct: PercentDecimal,
  })
  .meta({ title: 'QuoteLine', description: '`{ lineId, productLine, sku, description, quantity, unitPrice, unitCost, discountPct }`' });

export type QuoteLine = z.output<typeof QuoteLineSchema>;

/** A complete set of lines: at least one, each lineId once. */
export function quoteLinesOf<Line extends z.ZodType<{ lineId: string }>>(line: Line) {
  return z
    .array(line)
    .min(1, 'must list at least one line')
    .max(500, 'must list at most 500 lines')
    .superRefine((lines, ctx) => {
      const seen = new Set<string>();
      lines.forEach((item, index) => {
        if (seen.has(item.lineId)) ctx.addIssue({ code: 'custom', path: [index, 'lineId'], message: `must not repeat ${JSON.stringify(item.lineId)}` });
        seen.add(item.lineId);
      });
    })
    .meta({ description: 'the complete set of lines, each lineId once' });
}

export const QuoteLines = quoteLinesOf(QuoteLineSchema);
