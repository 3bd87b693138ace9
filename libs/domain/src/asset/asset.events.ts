import { z } from 'zod';
import type { Event } from '../shared/message.js';
import { EntityId, NonEmptyText, ProductLineId, UniqueList, Version } from '../shared/primitives.js';

export const ASSET_KINDS = ['solution_template', 'case_study', 'answer', 'demo_script', 'pricing_model'] as const;

export const KnowledgeAssetPublishedData = z.strictObject({
  assetId: EntityId,
  kind: z.enum(ASSET_KINDS),
  title: NonEmptyText,
  productLines: UniqueList(ProductLineId),
  ownerId: EntityId,
});

/** Publication is version 1; each revision is the next version: 2, 3, … */
export const KnowledgeAssetRevisedData = z.strictObject({
  version: Version.min(2, 'must be at least 2: publication is version 1'),
  summary: NonEmptyText,
});

export const KnowledgeAssetRetiredData = z.strictObject({ reason: NonEmptyText });

export type KnowledgeAssetPublished = Event<'KnowledgeAssetPublished', z.output<typeof KnowledgeAssetPublishedData>>;
export type KnowledgeAssetRevised = Event<'KnowledgeAssetRevised', z.output<typeof KnowledgeAssetRevisedData>>;
export type KnowledgeAssetRetired = Event<'KnowledgeAssetRetired', z.output<typeof KnowledgeAssetRetiredData>>;

export type KnowledgeAssetEvent = KnowledgeAssetPublished | KnowledgeAssetRevised | KnowledgeAssetRetired;

export const ASSET_EVENT_SCHEMAS = {
  KnowledgeAssetPublished: { schema: KnowledgeAssetPublishedData, schemaVersion: 1 },
  KnowledgeAssetRevised: { schema: KnowledgeAssetRevisedData, schemaVersion: 1 },
  KnowledgeAssetRetired: { schema: KnowledgeAssetRetiredData, schemaVersion: 1 },
} as const satisfies { [T in KnowledgeAssetEvent['type']]: { schema: z.ZodType; schemaVersion: number } };
