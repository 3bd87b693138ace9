import { z } from 'zod';
import type { Event } from '../shared/message.js';
import { EntityId, NonEmptyText, ProductLineId } from '../shared/primitives.js';

export const GAP_SEVERITIES = ['deal_breaker', 'major', 'minor'] as const;

export const ProductGapIdentifiedData = z.strictObject({
  gapId: EntityId,
  productLine: ProductLineId,
  title: NonEmptyText,
  severity: z.enum(GAP_SEVERITIES),
});

/** The product release that closed the gap, e.g. "ERP 8.2". */
export const ProductGapClosedData = z.strictObject({ release: NonEmptyText });

export type ProductGapIdentified = Event<'ProductGapIdentified', z.output<typeof ProductGapIdentifiedData>>;
export type ProductGapClosed = Event<'ProductGapClosed', z.output<typeof ProductGapClosedData>>;

export type ProductGapEvent = ProductGapIdentified | ProductGapClosed;

export const GAP_EVENT_SCHEMAS = {
  ProductGapIdentified: { schema: ProductGapIdentifiedData, schemaVersion: 1 },
  ProductGapClosed: { schema: ProductGapClosedData, schemaVersion: 1 },
} as const satisfies { [T in ProductGapEvent['type']]: { schema: z.ZodType; schemaVersion: number } };
