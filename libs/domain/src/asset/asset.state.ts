import { assertNever } from '../shared/message.js';
import type { KnowledgeAssetEvent, KnowledgeAssetPublished } from './asset.events.js';

export interface KnowledgeAssetFacts {
  readonly assetId: string;
  readonly kind: KnowledgeAssetPublished['data']['kind'];
  readonly ownerId: string;
}

/** A retired asset stays in history (sections and activities cite it) but changes no more. */
export type KnowledgeAssetState =
  | { readonly status: 'none' }
  | { readonly status: 'published'; readonly asset: KnowledgeAssetFacts; readonly version: number }
  | { readonly status: 'retired'; readonly asset: KnowledgeAssetFacts; readonly version: number };

export const initialKnowledgeAssetState: KnowledgeAssetState = { status: 'none' };

export function evolveKnowledgeAsset(state: KnowledgeAssetState, event: KnowledgeAssetEvent): KnowledgeAssetState {
  switch (event.type) {
    case 'KnowledgeAssetPublished': {
      const { assetId, kind, ownerId } = event.data;
      return { status: 'published', asset: { assetId, kind, ownerId }, version: 1 };
    }
    case 'KnowledgeAssetRevised':
      return state.status === 'published' ? { ...state, version: event.data.version } : state;
    case 'KnowledgeAssetRetired':
      return state.status === 'published' ? { ...state, status: 'retired' } : state;
    default:
      return assertNever(event, 'knowledge asset event');
  }
}

/** The version the next KnowledgeAssetRevised carries. */
export function nextAssetVersion(state: KnowledgeAssetState): number {
  return state.status === 'none' ? 2 : state.version + 1;
}
