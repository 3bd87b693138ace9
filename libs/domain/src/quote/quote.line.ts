import { z } from 'zod';
import {
  EntityId,
  NonEmptyText,
  NonNegativeDecimal,
  PercentDecimal,
  PositiveDecimal,
  ProductLineId,
} from '../shared/primitives.js';

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
  .meta({
    title: 'QuoteLine',
    description: '`{ lineId, productLine, sku, description, quantity, unitPrice, unitCost, discountPct }`',
  });

export type QuoteLine = z.output<typeof QuoteLineSchema>;

/**
 * A complete set of lines: at least one. Each lineId once is a rule of the quote
 * (checkQuoteEvent, 422): JSON Schema cannot say a field is unique across items, and the
 * published contract states everything this schema checks.
 */
export function quoteLinesOf<Line extends z.ZodType<{ lineId: string }>>(line: Line) {
  return z
    .array(line)
    .min(1, 'must list at least one line')
    .max(500, 'must list at most 500 lines')
    .meta({ description: 'the complete set of lines, each lineId once' });
}

/** The first lineId that `lines` list twice, or undefined. */
export function repeatedLineId(lines: readonly { readonly lineId: string }[]): string | undefined {
  const seen = new Set<string>();
  for (const { lineId } of lines) {
    if (seen.has(lineId)) return lineId;
    seen.add(lineId);
  }
  return undefined;
}

export const QuoteLines = quoteLinesOf(QuoteLineSchema);
