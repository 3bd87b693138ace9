import { z } from 'zod';
import { checkedEvents } from '../shared/aggregate.js';
import { metaOf, validateCommand, type ValidCommandUnion, without } from '../shared/command.js';
import { assertNever, type Command } from '../shared/message.js';
import { EntityId, NonEmptyText } from '../shared/primitives.js';
import { KnowledgeAssetPublishedData, KnowledgeAssetRetiredData, type KnowledgeAssetEvent } from './asset.events.js';
import { checkKnowledgeAssetEvent } from './asset.rules.js';
import { evolveKnowledgeAsset, nextAssetVersion, type KnowledgeAssetState } from './asset.state.js';

const toAsset = { assetId: EntityId };

export const PublishKnowledgeAssetData = KnowledgeAssetPublishedData;
/** The version is the next one: decide fills it in. */
export const ReviseKnowledgeAssetData = z.strictObject({ ...toAsset, summary: NonEmptyText });
export const RetireKnowledgeAssetData = KnowledgeAssetRetiredData.safeExtend(toAsset).meta(
  metaOf(KnowledgeAssetRetiredData),
);

export const ASSET_COMMAND_SCHEMAS = {
  PublishKnowledgeAsset: PublishKnowledgeAssetData,
  ReviseKnowledgeAsset: ReviseKnowledgeAssetData,
  RetireKnowledgeAsset: RetireKnowledgeAssetData,
} as const;

export type PublishKnowledgeAsset = Command<'PublishKnowledgeAsset', z.input<typeof PublishKnowledgeAssetData>>;
export type ReviseKnowledgeAsset = Command<'ReviseKnowledgeAsset', z.input<typeof ReviseKnowledgeAssetData>>;
export type RetireKnowledgeAsset = Command<'RetireKnowledgeAsset', z.input<typeof RetireKnowledgeAssetData>>;

export type KnowledgeAssetCommand = PublishKnowledgeAsset | ReviseKnowledgeAsset | RetireKnowledgeAsset;

type ValidKnowledgeAssetCommand = ValidCommandUnion<typeof ASSET_COMMAND_SCHEMAS>;

export function decideKnowledgeAsset(
  command: KnowledgeAssetCommand,
  state: KnowledgeAssetState,
): readonly KnowledgeAssetEvent[] {
  const valid = validateCommand(ASSET_COMMAND_SCHEMAS, command);
  return checkedEvents(
    checkKnowledgeAssetEvent,
    evolveKnowledgeAsset,
    state,
    valid.data.assetId,
    valid.metadata.occurredAt,
    [assetEventFor(valid, state)],
  );
}

function assetEventFor(command: ValidKnowledgeAssetCommand, state: KnowledgeAssetState): KnowledgeAssetEvent {
  switch (command.type) {
    case 'PublishKnowledgeAsset':
      return { type: 'KnowledgeAssetPublished', data: command.data };
    case 'ReviseKnowledgeAsset':
      return {
        type: 'KnowledgeAssetRevised',
        data: { version: nextAssetVersion(state), summary: command.data.summary },
      };
    case 'RetireKnowledgeAsset':
      return { type: 'KnowledgeAssetRetired', data: without(command.data, 'assetId') };
    default:
      return assertNever(command, 'knowledge asset command');
  }
}
