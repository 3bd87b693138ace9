import type { Aggregate } from '../shared/aggregate.js';
import { decideKnowledgeAsset, type KnowledgeAssetCommand } from './asset.commands.js';
import type { KnowledgeAssetEvent } from './asset.events.js';
import { checkKnowledgeAssetEvent } from './asset.rules.js';
import { evolveKnowledgeAsset, initialKnowledgeAssetState, type KnowledgeAssetState } from './asset.state.js';

export const knowledgeAssetDecider: Aggregate<KnowledgeAssetCommand, KnowledgeAssetEvent, KnowledgeAssetState> = {
  category: 'asset',
  initialState: initialKnowledgeAssetState,
  decide: decideKnowledgeAsset,
  evolve: evolveKnowledgeAsset,
  check: checkKnowledgeAssetEvent,
};
