import { describe, expect, it } from 'vitest';
import { applyChecked } from '../testing/apply-checked.js';
import { foldEvents } from '../shared/decider.js';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors.js';
import { commandOf } from '../testing/command-fixture.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import type { KnowledgeAssetCommand } from './asset.commands.js';
import { knowledgeAssetDecider } from './asset.decider.js';
import type { KnowledgeAssetEvent } from './asset.events.js';

const spec = deciderSpecification(knowledgeAssetDecider);
const cmd = commandOf<KnowledgeAssetCommand, KnowledgeAssetCommand['type']>;
const assetId = 'A-1';

const publication = {
  assetId,
  kind: 'solution_template',
  title: 'Grid ERP reference architecture',
  productLines: ['erp'],
  ownerId: 'C-1',
} as const;
const published: KnowledgeAssetEvent = { type: 'KnowledgeAssetPublished', data: publication };
const revised = (version: number): KnowledgeAssetEvent => ({
  type: 'KnowledgeAssetRevised',
  data: { version, summary: 'added HA section' },
});
const retired: KnowledgeAssetEvent = { type: 'KnowledgeAssetRetired', data: { reason: 'product line discontinued' } };
const revise = cmd('ReviseKnowledgeAsset', { assetId, summary: 'added HA section' });
const retire = cmd('RetireKnowledgeAsset', { assetId, reason: 'product line discontinued' });

describe('PublishKnowledgeAsset', () => {
  it('publishes version 1, once', () => {
    spec.given([]).when(cmd('PublishKnowledgeAsset', publication)).then([published]);
    spec
      .given([published])
      .when(cmd('PublishKnowledgeAsset', publication))
      .thenThrows(
        IllegalStateError,
        'knowledge asset A-1: KnowledgeAssetPublished already recorded for this knowledge asset',
      );
    expect(foldEvents(knowledgeAssetDecider, [published])).toMatchObject({ status: 'published', version: 1 });
  });

  it('knows the asset kinds', () => {
    spec
      .given([])
      .when(cmd('PublishKnowledgeAsset', { ...publication, kind: 'video' as 'answer' }))
      .thenThrows(ValidationError, /^PublishKnowledgeAsset: kind = "video": Invalid option/);
  });
});

describe('ReviseKnowledgeAsset', () => {
  it('numbers versions 2, 3, …', () => {
    spec
      .given([published])
      .when(revise)
      .then([revised(2)]);
    spec
      .given([published, revised(2)])
      .when(revise)
      .then([revised(3)]);
  });

  it('needs the asset first', () => {
    spec
      .given([])
      .when(revise)
      .thenThrows(
        NotFoundError,
        'knowledge asset A-1: not found (KnowledgeAssetRevised needs KnowledgeAssetPublished first)',
      );
  });

  it('on import, the version must be the next one', () => {
    expect(() =>
      applyChecked(knowledgeAssetDecider, foldEvents(knowledgeAssetDecider, [published]), revised(4), assetId),
    ).toThrow('knowledge asset A-1: KnowledgeAssetRevised to version 4, but the next version is 2');
  });
});

describe('RetireKnowledgeAsset', () => {
  it('retires the asset, which then changes no more', () => {
    spec
      .given([published, revised(2)])
      .when(retire)
      .then([retired]);
    spec
      .given([published, retired])
      .when(revise)
      .thenThrows(IllegalStateError, 'knowledge asset A-1: KnowledgeAssetRevised after the asset was retired');
    spec
      .given([published, retired])
      .when(retire)
      .thenThrows(IllegalStateError, 'knowledge asset A-1: KnowledgeAssetRetired after the asset was retired');
    expect(foldEvents(knowledgeAssetDecider, [published, revised(2), retired])).toMatchObject({
      status: 'retired',
      version: 2,
    });
  });
});
