import { IllegalStateError } from '../shared/errors.js';
import { assertNever } from '../shared/message.js';
import { checkAddressee, checkCreation, notCreated } from '../shared/rules.js';
import type { KnowledgeAssetEvent } from './asset.events.js';
import type { KnowledgeAssetState } from './asset.state.js';

/** Versions follow one another; a retired asset accepts nothing. */
export function checkKnowledgeAssetEvent(
  state: KnowledgeAssetState,
  event: KnowledgeAssetEvent,
  assetId: string,
): void {
  const subject = `knowledge asset ${assetId}`;
  const reject = (rule: string) => new IllegalStateError(subject, rule);
  if (event.type === 'KnowledgeAssetPublished') {
    return checkCreation('knowledge asset', assetId, state.status !== 'none', event.type, event.data.assetId);
  }
  if (state.status === 'none') throw notCreated(subject, event.type, 'KnowledgeAssetPublished');
  checkAddressee(`knowledge asset ${state.asset.assetId}`, state.asset.assetId, assetId, event.type);
  if (state.status === 'retired') throw reject(`${event.type} after the asset was retired`);
  switch (event.type) {
    case 'KnowledgeAssetRevised':
      if (event.data.version !== state.version + 1)
        throw reject(
          `KnowledgeAssetRevised to version ${event.data.version}, but the next version is ${state.version + 1}`,
        );
      return;
    case 'KnowledgeAssetRetired':
      return;
    default:
      assertNever(event, 'knowledge asset event');
  }
}
